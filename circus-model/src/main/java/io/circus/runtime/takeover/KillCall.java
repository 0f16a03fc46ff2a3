package io.circus.runtime.takeover;

import io.circus.os.linux.Libc;

/**
 * kill(2) for processes that are not our children: a pid, or a whole group with a negative pid.
 * Through {@link Libc} when native access is enabled (always for circusd), otherwise through
 * {@code /bin/kill}. Callers verify the target's identity right before each call.
 */
final class KillCall {

    private static final boolean NATIVE = nativeKill();

    private KillCall() {
    }

    /** Whether libc's kill can be called here; loading Libc fails when native access is refused. */
    private static boolean nativeKill() {
        try {
            return !Libc.missing().contains("kill");
        } catch (RuntimeException | LinkageError e) {
            return false; // Native access refused: fall back to /bin/kill.
        }
    }

    /**
     * @param target a pid, or minus a process group id
     * @return whether the signal was delivered (false: no such process or group)
     */
    static boolean kill(long target, int signal) {
        if (NATIVE) {
            return Libc.kill((int) target, signal) == 0;
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
