package io.circus.process.linux;

import io.circus.process.ExitStatus;
import io.circus.process.ManagedProcess;
import io.circus.process.SpawnRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Child JVM for {@link SigchldResetTest}: started with SIGCHLD ignored, it reports whether it was,
 * then spawns {@code sh -c 'exit 3'} and reports the exit status the launcher saw.
 */
public final class SigchldProbeMain {

    private SigchldProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        long ignored = Long.parseLong(LauncherFixture.status(ProcessHandle.current().pid(), "SigIgn"), 16);
        System.out.println("ignored-at-start=" + ((ignored & (1L << 16)) != 0));
        try (LinuxFfmLauncher launcher = LinuxFfmLauncher.create()) {
            ManagedProcess sh = launcher.spawn(SpawnRequest.builder(List.of("/bin/sh", "-c", "exit 3"))
                    .env(Map.of("PATH", "/usr/bin:/bin")).build());
            ExitStatus status = sh.onExit().toCompletableFuture().get(30, TimeUnit.SECONDS);
            System.out.println("exit=" + status.code());
        }
    }
}
