package io.circus.os.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks up libc symbols and makes their downcall handles, for {@link Libc} and {@link SpawnCalls}
 * only. A symbol libc does not export leaves a null handle and is listed by {@link #missing}, so
 * the launcher can refuse to start with a precise reason instead of failing in a static initialiser.
 *
 * <p>Threading: each binder is filled by its owner's static initialiser; after that, read-only.
 */
final class SymbolBinder {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = LINKER.defaultLookup();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(PathElement.groupElement("errno"));
    private static final Linker.Option ERR = Linker.Option.captureCallState("errno");
    /** errno is captured per thread, in the same downcall as the call it belongs to. */
    private static final ThreadLocal<MemorySegment> CAPTURED =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE));

    private final List<String> missing = new ArrayList<>();

    /** A handle whose first parameter is the errno capture buffer ({@link #captured}). */
    MethodHandle withErrno(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        Linker.Option[] all = new Linker.Option[options.length + 1];
        all[0] = ERR;
        System.arraycopy(options, 0, all, 1, options.length);
        return bind(name, descriptor, all);
    }

    /** A handle for a call that reports errors in its result, not in errno. */
    MethodHandle plain(String name, FunctionDescriptor descriptor) {
        return bind(name, descriptor);
    }

    private MethodHandle bind(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return LOOKUP.find(name).map(s -> LINKER.downcallHandle(s, descriptor, options)).orElseGet(() -> {
            missing.add(name);
            return null;
        });
    }

    /** The symbols this binder could not find. */
    List<String> missing() {
        return List.copyOf(missing);
    }

    /** This thread's errno capture buffer. */
    static MemorySegment captured() {
        return CAPTURED.get();
    }

    static int errno(MemorySegment captured) {
        return (int) ERRNO.get(captured, 0L);
    }

    /** Downcalls declare Throwable; our handles cannot throw checked exceptions. */
    static AssertionError unexpected(Throwable t) {
        return new AssertionError("native call failed: " + t, t);
    }
}
