package io.circus.runtime.takeover;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * kill(2) for processes that are not our children: a pid, or a whole group with a negative pid.
 * Through {@code java.lang.foreign} when native access is enabled (always for circusd), otherwise
 * through {@code /bin/kill}. Callers verify the target's identity right before each call.
 */
final class KillCall {

    private static final MethodHandle KILL = lookup();

    private KillCall() {
    }

    private static MethodHandle lookup() {
        try {
            Linker linker = Linker.nativeLinker();
            return linker.downcallHandle(linker.defaultLookup().find("kill").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        } catch (RuntimeException | LinkageError e) {
            return null; // Native access refused: fall back to /bin/kill.
        }
    }

    /**
     * @param target a pid, or minus a process group id
     * @return whether the signal was delivered (false: no such process or group)
     */
    static boolean kill(long target, int signal) {
        if (KILL != null) {
            try {
                return (int) KILL.invokeExact((int) target, signal) == 0;
            } catch (Throwable t) {
                throw new IllegalStateException("kill(" + target + ", " + signal + ") failed", t);
            }
        }
        try {
            Process p = new ProcessBuilder("kill", "-s", Integer.toString(signal), "--", Long.toString(target))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
