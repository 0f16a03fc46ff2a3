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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A daemon started with signals ignored (nohup, {@code trap ''}) and with SIGQUIT blocked in its
 * Java threads must still give its children clean signal state: nothing ignored, nothing blocked.
 */
class SignalHygieneTest {

    /** Signals 1..31; glibc keeps its internal 32 and 33 ignored in every spawned child. */
    private static final long STANDARD_SIGNALS = 0x7fffffffL;

    private final LauncherFixture fixture = new LauncherFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void hupUsr1AndQuitArriveEvenWhenTheSpawningJvmIgnoresThem() throws Exception {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", "trap '' HUP USR1 QUIT; exec \"$0\" \"$@\""));
        List<String> java = new ArrayList<>(TestChildren.javaMain(SignalProbeMain.class));
        java.add(1, "--enable-native-access=ALL-UNNAMED");
        argv.addAll(java);
        CollectingSink sink = new CollectingSink();
        ManagedProcess jvm = fixture.spawn(SpawnRequest.builder(argv).env(Map.of("PATH", "/usr/bin:/bin"))
                .group(GroupMode.NEW_SESSION).stdout(Stdio.PIPE).stderr(Stdio.PIPE).sink(sink).build());
        ExitStatus status = jvm.onExit().toCompletableFuture().get(60, TimeUnit.SECONDS);
        String report = sink.stdout() + "\nstderr:\n" + sink.text(StreamId.STDERR);
        assertEquals(ExitStatus.exited(0), status, report);
        Map<String, String> values = new HashMap<>();
        List<String> trapped = new ArrayList<>();
        for (String line : sink.stdout().lines().toList()) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                if (line.startsWith("trapped=")) {
                    trapped.add(line.substring(eq + 1));
                }
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        long spawnerIgnored = Long.parseLong(values.get("spawner-sigign"), 16);
        assertTrue((spawnerIgnored & 1) != 0 && (spawnerIgnored & (1 << 9)) != 0,
                "precondition: the spawning JVM ignores HUP and USR1: " + report);
        assertEquals(0, Long.parseLong(values.get("child-sigign"), 16) & STANDARD_SIGNALS, report);
        assertEquals(0, Long.parseLong(values.get("child-sigblk"), 16), "SigBlk 0 proves the mask reset: " + report);
        assertEquals(List.of("HUP", "USR1", "QUIT"), trapped, report);
        assertTrue(sink.hasLine("done"), report);
    }
}
