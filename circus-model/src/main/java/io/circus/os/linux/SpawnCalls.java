package io.circus.os.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * glibc's {@code posix_spawn} family. These functions return an error number instead of setting
 * errno, so no call state is captured. The opaque structs are allocated by the caller with the
 * sizes below (glibc 2.36, x86-64 and aarch64) and must be passed to the matching destroy call.
 *
 * <p>Threading: any thread. {@code posix_spawn} blocks the caller until the child has called
 * {@code execve} (glibc uses {@code clone(CLONE_VM|CLONE_VFORK)}), about a millisecond; from a
 * virtual thread that pins the carrier for that long.
 */
public final class SpawnCalls {

    /** glibc 2.36 needs 80, 336 and 128 bytes; allocating more is harmless and absorbs layout drift. */
    public static final long FILE_ACTIONS_SIZE = 128;
    public static final long ATTR_SIZE = 512;
    public static final long SIGSET_SIZE = 128;

    private static final SymbolBinder SYMBOLS = new SymbolBinder();

    private static final MethodHandle SPAWN = bind("posix_spawn",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle FA_INIT = bind("posix_spawn_file_actions_init",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle FA_DESTROY = bind("posix_spawn_file_actions_destroy",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle FA_DUP2 = bind("posix_spawn_file_actions_adddup2",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle FA_CLOSE = bind("posix_spawn_file_actions_addclose",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle FA_OPEN = bind("posix_spawn_file_actions_addopen",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle FA_CLOSEFROM = bind("posix_spawn_file_actions_addclosefrom_np",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle FA_CHDIR = bind("posix_spawn_file_actions_addchdir_np",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle ATTR_INIT = bind("posix_spawnattr_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle ATTR_DESTROY = bind("posix_spawnattr_destroy",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle ATTR_FLAGS = bind("posix_spawnattr_setflags",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_SHORT));
    private static final MethodHandle ATTR_PGROUP = bind("posix_spawnattr_setpgroup",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle ATTR_SIGMASK = bind("posix_spawnattr_setsigmask",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle ATTR_SIGDEFAULT = bind("posix_spawnattr_setsigdefault",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle SIGEMPTYSET = bind("sigemptyset", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle SIGFILLSET = bind("sigfillset", FunctionDescriptor.of(JAVA_INT, ADDRESS));

    private SpawnCalls() {
    }

    private static MethodHandle bind(String name, FunctionDescriptor descriptor) {
        return SYMBOLS.plain(name, descriptor);
    }

    /** Required symbols that libc does not export; empty when the launcher can run. */
    public static List<String> missing() {
        return SYMBOLS.missing();
    }

    private static int call(MethodHandle handle, MemorySegment a) {
        try {
            return (int) handle.invokeExact(a);
        } catch (Throwable t) {
            throw SymbolBinder.unexpected(t);
        }
    }

    private static int call(MethodHandle handle, MemorySegment a, int b) {
        try {
            return (int) handle.invokeExact(a, b);
        } catch (Throwable t) {
            throw SymbolBinder.unexpected(t);
        }
    }

    private static int call(MethodHandle handle, MemorySegment a, MemorySegment b) {
        try {
            return (int) handle.invokeExact(a, b);
        } catch (Throwable t) {
            throw SymbolBinder.unexpected(t);
        }
    }

    /** Returns 0 or the error number; the child's pid is stored into {@code pidOut} on success. */
    public static int spawn(MemorySegment pidOut, MemorySegment path, MemorySegment fileActions, MemorySegment attr,
                     MemorySegment argv, MemorySegment envp) {
        try {
            return (int) SPAWN.invokeExact(pidOut, path, fileActions, attr, argv, envp);
        } catch (Throwable t) {
            throw SymbolBinder.unexpected(t);
        }
    }

    public static int fileActionsInit(MemorySegment fa) {
        return call(FA_INIT, fa);
    }

    public static int fileActionsDestroy(MemorySegment fa) {
        return call(FA_DESTROY, fa);
    }

    public static int addDup2(MemorySegment fa, int fd, int newFd) {
        try {
            return (int) FA_DUP2.invokeExact(fa, fd, newFd);
        } catch (Throwable t) {
            throw SymbolBinder.unexpected(t);
        }
    }

    public static int addClose(MemorySegment fa, int fd) {
        return call(FA_CLOSE, fa, fd);
    }

    public static int addOpen(MemorySegment fa, int fd, MemorySegment path, int flags, int mode) {
        try {
            return (int) FA_OPEN.invokeExact(fa, fd, path, flags, mode);
        } catch (Throwable t) {
            throw SymbolBinder.unexpected(t);
        }
    }

    public static int addCloseFrom(MemorySegment fa, int lowFd) {
        return call(FA_CLOSEFROM, fa, lowFd);
    }

    public static int addChdir(MemorySegment fa, MemorySegment path) {
        return call(FA_CHDIR, fa, path);
    }

    public static int attrInit(MemorySegment attr) {
        return call(ATTR_INIT, attr);
    }

    public static int attrDestroy(MemorySegment attr) {
        return call(ATTR_DESTROY, attr);
    }

    public static int attrSetFlags(MemorySegment attr, short flags) {
        try {
            return (int) ATTR_FLAGS.invokeExact(attr, flags);
        } catch (Throwable t) {
            throw SymbolBinder.unexpected(t);
        }
    }

    public static int attrSetPgroup(MemorySegment attr, int pgroup) {
        return call(ATTR_PGROUP, attr, pgroup);
    }

    public static int attrSetSigmask(MemorySegment attr, MemorySegment sigset) {
        return call(ATTR_SIGMASK, attr, sigset);
    }

    public static int attrSetSigdefault(MemorySegment attr, MemorySegment sigset) {
        return call(ATTR_SIGDEFAULT, attr, sigset);
    }

    public static int sigemptyset(MemorySegment set) {
        return call(SIGEMPTYSET, set);
    }

    public static int sigfillset(MemorySegment set) {
        return call(SIGFILLSET, set);
    }
}
