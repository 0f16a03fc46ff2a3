package io.circus.os.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * Every libc call of the daemon on Linux other than {@code posix_spawn} (see {@link SpawnCalls}):
 * the process layer's, the socket binder's, the takeover's {@code kill} and the stats sampler's
 * {@code getpagesize}.
 *
 * <p>Convention: every wrapper returns the call's result, or <em>minus errno</em> when the call
 * failed, the way the kernel itself reports errors. errno is captured by the linker in the same
 * downcall ({@code captureCallState}); reading it with a second downcall would race with the JVM,
 * which may change errno in between.
 *
 * <p>Threading: all methods may be called from any thread. The capture buffer is per thread.
 * Symbols that are missing leave a null handle and are listed by {@link #missing()}, so the
 * launcher can refuse to start with a precise reason instead of failing in a static initialiser.
 */
public final class Libc {

    private static final SymbolBinder SYMBOLS = new SymbolBinder();

    static final long SYS_PIDFD_SEND_SIGNAL = 424;
    static final long SYS_PIDFD_OPEN = 434;

    private static final MethodHandle CLOSE = errnoCall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle READ =
            errnoCall("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle WRITE =
            errnoCall("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle PIPE2 = errnoCall("pipe2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle FCNTL = errnoCall("fcntl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle KILL = errnoCall("kill", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SYSCALL3 = errnoCall("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(1));
    private static final MethodHandle SYSCALL5 = errnoCall("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT),
            Linker.Option.firstVariadicArg(1));
    private static final MethodHandle EPOLL_CREATE1 =
            errnoCall("epoll_create1", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle EPOLL_CTL =
            errnoCall("epoll_ctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle EPOLL_WAIT =
            errnoCall("epoll_wait", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle EVENTFD = errnoCall("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle WAITID =
            errnoCall("waitid", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle PRCTL = errnoCall("prctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(1));
    private static final MethodHandle GETRLIMIT =
            errnoCall("getrlimit", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle SETRLIMIT =
            errnoCall("setrlimit", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle SIGACTION =
            errnoCall("sigaction", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle POLL =
            errnoCall("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle UNSHARE = errnoCall("unshare", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle SOCKET =
            errnoCall("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = errnoCall("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle BIND = errnoCall("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle LISTEN = errnoCall("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle GETSOCKNAME =
            errnoCall("getsockname", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle FCHMOD = errnoCall("fchmod", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle CLOCK_GETTIME =
            errnoCall("clock_gettime", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle GETPID = plainCall("getpid", FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle GETPAGESIZE = plainCall("getpagesize", FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle STRERROR = plainCall("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private Libc() {
    }

    private static MethodHandle errnoCall(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return SYMBOLS.withErrno(name, descriptor, options);
    }

    private static MethodHandle plainCall(String name, FunctionDescriptor descriptor) {
        return SYMBOLS.plain(name, descriptor);
    }

    /** Required symbols that libc does not export; empty when the launcher can run. */
    public static List<String> missing() {
        return SYMBOLS.missing();
    }

    private static MemorySegment captured() {
        return SymbolBinder.captured();
    }

    private static int result(int r, MemorySegment captured) {
        return r < 0 ? -SymbolBinder.errno(captured) : r;
    }

    private static long result(long r, MemorySegment captured) {
        return r < 0 ? -SymbolBinder.errno(captured) : r;
    }

    private static AssertionError unexpected(Throwable t) {
        return SymbolBinder.unexpected(t);
    }

    public static int close(int fd) {
        MemorySegment c = captured();
        try {
            return result((int) CLOSE.invokeExact(c, fd), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static long read(int fd, MemorySegment buffer, long count) {
        MemorySegment c = captured();
        try {
            return result((long) READ.invokeExact(c, fd, buffer, count), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static long write(int fd, MemorySegment buffer, long count) {
        MemorySegment c = captured();
        try {
            return result((long) WRITE.invokeExact(c, fd, buffer, count), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static int pipe2(MemorySegment fds, int flags) {
        MemorySegment c = captured();
        try {
            return result((int) PIPE2.invokeExact(c, fds, flags), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static int fcntl(int fd, int cmd, int arg) {
        MemorySegment c = captured();
        try {
            return result((int) FCNTL.invokeExact(c, fd, cmd, arg), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static int kill(int pid, int signal) {
        MemorySegment c = captured();
        try {
            return result((int) KILL.invokeExact(c, pid, signal), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * {@code pidfd_open(pid, 0)} through {@code syscall}, which works with any glibc (the wrapper
     * only exists since 2.36). The descriptor is close-on-exec by definition.
     */
    public static int pidfdOpen(int pid) {
        MemorySegment c = captured();
        try {
            return (int) result((long) SYSCALL3.invokeExact(c, SYS_PIDFD_OPEN, pid, 0), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** {@code pidfd_send_signal(pidfd, sig, NULL, 0)} through {@code syscall}, for the same reason. */
    public static int pidfdSendSignal(int pidfd, int signal) {
        MemorySegment c = captured();
        try {
            return (int) result((long) SYSCALL5.invokeExact(c, SYS_PIDFD_SEND_SIGNAL, pidfd, signal,
                    MemorySegment.NULL, 0), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** {@code unshare(flags)} for the calling thread. */
    public static int unshare(int flags) {
        MemorySegment c = captured();
        try {
            return result((int) UNSHARE.invokeExact(c, flags), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static int epollCreate1(int flags) {
        MemorySegment c = captured();
        try {
            return result((int) EPOLL_CREATE1.invokeExact(c, flags), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static int epollCtl(int epfd, int op, int fd, MemorySegment event) {
        MemorySegment c = captured();
        try {
            return result((int) EPOLL_CTL.invokeExact(c, epfd, op, fd, event), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static int epollWait(int epfd, MemorySegment events, int max, int timeoutMillis) {
        MemorySegment c = captured();
        try {
            return result((int) EPOLL_WAIT.invokeExact(c, epfd, events, max, timeoutMillis), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static int eventfd(int initial, int flags) {
        MemorySegment c = captured();
        try {
            return result((int) EVENTFD.invokeExact(c, initial, flags), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static int waitid(int idType, int id, MemorySegment siginfo, int options) {
        MemorySegment c = captured();
        try {
            return result((int) WAITID.invokeExact(c, idType, id, siginfo, options), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static int prctl(int option, long arg2) {
        MemorySegment c = captured();
        try {
            return result((int) PRCTL.invokeExact(c, option, arg2, 0L, 0L, 0L), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** {@code getrlimit}: stores {soft, hard} into {@code limits} (two longs); 0 or minus errno. */
    public static int getrlimit(int resource, MemorySegment limits) {
        MemorySegment c = captured();
        try {
            return result((int) GETRLIMIT.invokeExact(c, resource, limits), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** {@code setrlimit} from {soft, hard} in {@code limits} (two longs); 0 or minus errno. */
    public static int setrlimit(int resource, MemorySegment limits) {
        MemorySegment c = captured();
        try {
            return result((int) SETRLIMIT.invokeExact(c, resource, limits), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * {@code sigaction(sig, act, oldact)}; either may be NULL. Only {@code sa_handler}, the first
     * word of {@code struct sigaction} on x86-64 and aarch64, is read or written by our callers.
     */
    public static int sigaction(int signal, MemorySegment act, MemorySegment oldact) {
        MemorySegment c = captured();
        try {
            return result((int) SIGACTION.invokeExact(c, signal, act, oldact), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** {@code poll(fds, nfds, timeout)}: the number of ready entries, or minus errno. */
    public static int poll(MemorySegment fds, long count, int timeoutMillis) {
        MemorySegment c = captured();
        try {
            return result((int) POLL.invokeExact(c, fds, count, timeoutMillis), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    // ---- sockets (io.circus.socket) ----------------------------------------------------------------

    public static int socket(int family, int type, int protocol) {
        MemorySegment c = captured();
        try {
            return result((int) SOCKET.invokeExact(c, family, type, protocol), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static int setsockopt(int fd, int level, int option, MemorySegment value, int length) {
        MemorySegment c = captured();
        try {
            return result((int) SETSOCKOPT.invokeExact(c, fd, level, option, value, length), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static int bind(int fd, MemorySegment address, int length) {
        MemorySegment c = captured();
        try {
            return result((int) BIND.invokeExact(c, fd, address, length), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static int listen(int fd, int backlog) {
        MemorySegment c = captured();
        try {
            return result((int) LISTEN.invokeExact(c, fd, backlog), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static int getsockname(int fd, MemorySegment address, MemorySegment length) {
        MemorySegment c = captured();
        try {
            return result((int) GETSOCKNAME.invokeExact(c, fd, address, length), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static int fchmod(int fd, int mode) {
        MemorySegment c = captured();
        try {
            return result((int) FCHMOD.invokeExact(c, fd, mode), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * {@code clock_gettime(clock, timespec)}: 0, or minus errno. {@code timespec} is two longs
     * (seconds, nanoseconds) on the 64-bit ABIs the launcher accepts.
     */
    public static int clockGettime(int clock, MemorySegment timespec) {
        MemorySegment c = captured();
        try {
            return result((int) CLOCK_GETTIME.invokeExact(c, clock, timespec), c);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static int getpid() {
        try {
            return (int) GETPID.invokeExact();
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** The size of a memory page, in bytes (the unit of /proc/PID/statm). */
    public static int getpagesize() {
        try {
            return (int) GETPAGESIZE.invokeExact();
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** The C library's message for an errno value, e.g. "No such file or directory". */
    public static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.equals(MemorySegment.NULL) ? "errno " + errno : text.reinterpret(256).getString(0);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }
}
