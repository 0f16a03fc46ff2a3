package io.circus.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Whether a process is still alive, as tests need to know it: a zombie counts as gone. */
public final class Pids {

    private Pids() {
    }

    /** True while {@code pid} exists and has not exited (a zombie waiting to be reaped has). */
    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !zombie(pid);
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits (15 s at most) until {@code pid} is gone. */
    public static void awaitDead(long pid) {
        Await.until("pid " + pid + " is gone", Duration.ofSeconds(15), () -> !alive(pid));
    }
}
