package io.circus.process.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.process.CollectingSink;
import io.circus.process.ExitStatus;
import io.circus.process.GroupMode;
import io.circus.process.ManagedProcess;
import io.circus.process.SpawnRequest;
import io.circus.process.Stdio;
import io.circus.process.StreamId;
import io.circus.testing.TestChildren;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A daemon started with SIGCHLD ignored (the kernel then reaps children itself and every exit
 * status is lost) puts SIGCHLD back to default when its launcher starts.
 */
class SigchldResetTest {

    private final LauncherFixture fixture = new LauncherFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void exitStatusesSurviveADaemonStartedWithSigchldIgnored() throws Exception {
        io.circus.testing.Requirements.require(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/perl")),
                "perl (bin/setup-test-deps installs perl-base)");
        // dash's trap '' CHLD does not really ignore it (a shell needs SIGCHLD); perl-base (Essential on
        // Debian) does, and exec keeps an ignored disposition.
        List<String> argv = new ArrayList<>(List.of("/usr/bin/perl", "-e", "$SIG{CHLD} = 'IGNORE'; exec @ARGV or die"));
        List<String> java = new ArrayList<>(TestChildren.javaMain(SigchldProbeMain.class));
        java.add(1, "--enable-native-access=ALL-UNNAMED");
        argv.addAll(java);
        CollectingSink sink = new CollectingSink();
        ManagedProcess jvm = fixture.spawn(SpawnRequest.builder(argv).env(Map.of("PATH", "/usr/bin:/bin"))
                .group(GroupMode.NEW_SESSION).stdout(Stdio.PIPE).stderr(Stdio.PIPE).sink(sink).build());
        ExitStatus status = jvm.onExit().toCompletableFuture().get(60, TimeUnit.SECONDS);
        String report = sink.stdout() + "\nstderr:\n" + sink.text(StreamId.STDERR);
        assertEquals(ExitStatus.exited(0), status, report);
        assertTrue(sink.hasLine("ignored-at-start=true"), "precondition: SIGCHLD ignored at start: " + report);
        assertTrue(sink.hasLine("exit=3"), "the exit status was not lost: " + report);
    }
}
