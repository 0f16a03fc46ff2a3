package io.circus.console.bench;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * kill(2) and prctl(2) through the FFM API: the benchmark signals daemons and children it did not
 * fork itself (a daemon's children), which {@link ProcessHandle} can only SIGTERM or SIGKILL.
 */
final class Signals {

    static final int SIGKILL = 9;
    static final int SIGTERM = 15;
    static final int SIGSTOP = 19;
    private static final int PR_SET_CHILD_SUBREAPER = 36;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle KILL = LINKER.downcallHandle(LINKER.defaultLookup().find("kill").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle PRCTL = LINKER.downcallHandle(LINKER.defaultLookup().find("prctl").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG),
            Linker.Option.firstVariadicArg(1));

    private Signals() {
    }

    /** Sends {@code signal} to {@code pid} (negative: a process group); false when it failed (gone). */
    static boolean kill(long pid, int signal) {
        try {
            return (int) KILL.invokeExact((int) pid, signal) == 0;
        } catch (Throwable e) {
            throw new IllegalStateException("kill(" + pid + ", " + signal + ") failed", e);
        }
    }

    /**
     * Makes this JVM the subreaper of everything it starts: a daemon's children whose daemon died
     * are re-parented here instead of to init, so the final sweep still finds them.
     */
    static boolean becomeSubreaper() {
        try {
            return (int) PRCTL.invokeExact(PR_SET_CHILD_SUBREAPER, 1L) == 0;
        } catch (Throwable e) {
            return false;
        }
    }
}
