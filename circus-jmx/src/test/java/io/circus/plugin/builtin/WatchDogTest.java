package io.circus.plugin.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.WatcherConfig;
import io.circus.plugin.PluginAction;
import io.circus.plugin.PluginOptionException;
import io.circus.testing.Await;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WatchDog against real processes sending (or no longer sending) UDP heartbeats. */
class WatchDogTest {

    private static final Duration LONG = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static WatcherConfig watcher(String name, String cmd, int n) {
        return WatcherConfig.builder(name, cmd).numProcesses(n).gracefulTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void aProcessThatStopsSendingHeartbeatsIsKilledAndReplaced() throws Exception {
        Scripts.requireBash();
        Path beat = Scripts.write(dir, "heartbeat.sh", Scripts.HEARTBEAT);
        int port = freeUdpPort();
        try (PluginHarness h = new PluginHarness(watcher("steady", beat + " " + port + " -1", 1),
                watcher("stalling", beat + " " + port + " 3", 1))) {
            long steady = h.bean("steady").getPids()[0];
            long stalling = h.bean("stalling").getPids()[0];
            // Heartbeats every 0.2 s; silence allowed: loop_rate * max_count = 6 s, room for a loaded machine.
            WatchDog dog = h.run(new WatchDog(), Map.of("port", String.valueOf(port), "loop_rate", "1",
                    "max_count", "6", "watchers_stop_signal", "KILL"));
            assertEquals(port, dog.port());
            Await.until("the stalling process killed", LONG, () -> h.acts(PluginAction.KILL).stream()
                    .anyMatch(a -> a.message().contains("pid " + stalling + " ")));
            Await.until("a replacement", LONG, () -> {
                long[] pids = h.bean("stalling").getPids();
                return pids.length == 1 && pids[0] != stalling;
            });
            // The steady one kept beating through several passes.
            long passes = h.checks.get();
            Await.until("two more passes", LONG, () -> h.checks.get() >= passes + 2);
            assertTrue(h.acts.stream().noneMatch(a -> "steady".equals(a.watcher())), h.acts.toString());
            assertEquals(steady, h.bean("steady").getPids()[0]);
        }
    }

    @Test
    void everySilentProcessOfAPassIsKilledNotOnlyTheFirst() throws Exception {
        try (PluginHarness h = new PluginHarness(watcher("mute", "sleep 3600", 3))) {
            Set<Long> pids = Arrays.stream(h.bean("mute").getPids()).boxed().collect(Collectors.toSet());
            // Discovered together at start, so all three fall silent in the same pass.
            h.run(new WatchDog(), Map.of("port", "0", "loop_rate", "0.3", "max_count", "2"));
            Await.until("three kills", LONG, () -> h.acts(PluginAction.KILL).size() >= 3);
            List<PluginHarness.Act> kills = h.acts(PluginAction.KILL).subList(0, 3);
            assertEquals(1, kills.stream().map(PluginHarness.Act::check).distinct().count(), kills.toString());
            assertTrue(pids.stream().allMatch(pid -> kills.stream().anyMatch(a -> a.message().contains("pid " + pid + " "))),
                    kills + " " + pids);
        }
    }

    @Test
    void badOptionsAreConfigurationErrors() throws Exception {
        try (PluginHarness h = new PluginHarness(watcher("w", "sleep 3600", 0))) {
            Exception e = assertThrows(Exception.class, () -> h.run(new WatchDog(), Map.of("port", "0", "msg_regex", "^(.*);x$")));
            assertTrue(e.getCause() instanceof PluginOptionException && e.getCause().getMessage().contains("msg_regex"),
                    String.valueOf(e.getCause()));
            e = assertThrows(Exception.class, () -> h.run(new WatchDog(), Map.of("port", "0", "watchers_stop_signal", "NOPE")));
            assertTrue(e.getCause() instanceof PluginOptionException, String.valueOf(e.getCause()));
        }
    }

    @Test
    void pythonGroupSyntaxIsAccepted() {
        var p = HeartbeatReceiver.compile("^beat (?P<pid>\\d+) (?P=pid)$");
        var m = p.matcher("beat 42 42");
        assertTrue(m.lookingAt());
        assertEquals("42", m.group("pid"));
    }
}
