package io.circus.process.linux;

import io.circus.process.CollectingSink;
import io.circus.process.ExitStatus;
import io.circus.process.GroupMode;
import io.circus.process.ManagedProcess;
import io.circus.process.Signal;
import io.circus.process.SpawnRequest;
import io.circus.process.Stdio;
import io.circus.testing.Await;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Child JVM for {@link SignalHygieneTest}: started with HUP, USR1 and QUIT ignored (and QUIT blocked
 * in every Java thread, as always), it spawns a shell that traps the three signals and reports what
 * the shell's kernel status and traps show, one {@code key=value} line each.
 */
public final class SignalProbeMain {

    private SignalProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("spawner-sigign=" + LauncherFixture.status(ProcessHandle.current().pid(), "SigIgn"));
        try (LinuxFfmLauncher launcher = LinuxFfmLauncher.create()) {
            CollectingSink sink = new CollectingSink();
            ManagedProcess sh = launcher.spawn(SpawnRequest.builder(List.of("/bin/sh", "-c",
                            "trap 'echo got-HUP' HUP; trap 'echo got-USR1' USR1; trap 'echo got-QUIT' QUIT;"
                                    + " echo ready; while :; do sleep 1 & wait $!; done"))
                    .env(Map.of("PATH", "/usr/bin:/bin")).group(GroupMode.NEW_PROCESS_GROUP)
                    .stdout(Stdio.PIPE).sink(sink).build());
            try {
                Await.until("shell ready", () -> sink.hasLine("ready"));
                System.out.println("child-sigign=" + LauncherFixture.status(sh.pid(), "SigIgn"));
                System.out.println("child-sigblk=" + LauncherFixture.status(sh.pid(), "SigBlk"));
                for (Signal s : List.of(Signal.HUP, Signal.USR1, Signal.QUIT)) {
                    sh.signal(s);
                    Await.until("trap for " + s, () -> sink.hasLine("got-" + s.name()));
                    System.out.println("trapped=" + s.name());
                }
            } finally {
                sh.signalGroup(Signal.KILL);
                ExitStatus status = sh.onExit().toCompletableFuture().get(10, TimeUnit.SECONDS);
                System.out.println("exit=" + status);
            }
        }
        System.out.println("done");
    }
}
