package io.circus.socket;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The socket calls of libc, bound with {@code java.lang.foreign}. Each wrapper returns the result, or
 * minus errno on failure; errno is captured within the same downcall (a second downcall to read it
 * could see a value the JVM changed in between).
 *
 * <p>Threading: any thread (the capture buffer is per thread).
 */
final class SocketCalls {

    static final int AF_UNIX = 1;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int SOCK_NONBLOCK = 0x800;
    static final int SOL_SOCKET = 1;
    static final int SO_REUSEADDR = 2;
    static final int SO_REUSEPORT = 15;
    static final int SO_BINDTODEVICE = 25;
    static final short POLLIN = 1;
    static final int EINTR = 4;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = LINKER.defaultLookup();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(PathElement.groupElement("errno"));
    private static final ThreadLocal<MemorySegment> CAPTURED =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE));

    private static final MethodHandle SOCKET = bind("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = bind("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle BIND = bind("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle LISTEN = bind("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle GETSOCKNAME = bind("getsockname",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle FCHMOD = bind("fchmod", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle POLL = bind("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle CLOSE = bind("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(LOOKUP.find("strerror").orElseThrow(),
            FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private SocketCalls() {
    }

    private static MethodHandle bind(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LOOKUP.find(name).orElseThrow(() -> new UnsupportedOperationException(
                "libc lacks " + name)), descriptor, Linker.Option.captureCallState("errno"));
    }

    private static int result(int r, MemorySegment captured) {
        return r < 0 ? -(int) ERRNO.get(captured, 0L) : r;
    }

    private static AssertionError unexpected(Throwable t) {
        return new AssertionError("native call failed: " + t, t);
    }

    static int socket(int family, int type, int protocol) {
        MemorySegment c = CAPTURED.get();
        try {
            return result((int) SOCKET.invokeExact(c, family, type, protocol), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int setsockopt(int fd, int level, int option, MemorySegment value, int length) {
        MemorySegment c = CAPTURED.get();
        try {
            return result((int) SETSOCKOPT.invokeExact(c, fd, level, option, value, length), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int bind(int fd, MemorySegment address, int length) {
        MemorySegment c = CAPTURED.get();
        try {
            return result((int) BIND.invokeExact(c, fd, address, length), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int listen(int fd, int backlog) {
        MemorySegment c = CAPTURED.get();
        try {
            return result((int) LISTEN.invokeExact(c, fd, backlog), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int getsockname(int fd, MemorySegment address, MemorySegment length) {
        MemorySegment c = CAPTURED.get();
        try {
            return result((int) GETSOCKNAME.invokeExact(c, fd, address, length), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int fchmod(int fd, int mode) {
        MemorySegment c = CAPTURED.get();
        try {
            return result((int) FCHMOD.invokeExact(c, fd, mode), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int poll(MemorySegment fds, int count, int timeoutMillis) {
        MemorySegment c = CAPTURED.get();
        try {
            return result((int) POLL.invokeExact(c, fds, count, timeoutMillis), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int close(int fd) {
        MemorySegment c = CAPTURED.get();
        try {
            return result((int) CLOSE.invokeExact(c, fd), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.equals(MemorySegment.NULL) ? "errno " + errno : text.reinterpret(256).getString(0);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }
}
