package io.circus.console.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.circus.testing.Await;
import io.circus.testing.FreePorts;
import io.circus.zmq.client.CircusClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A separate circusd driven over its ZeroMQ control channel, as Circus's circusctl drives it. */
class DaemonZmqTest {

    @TempDir
    Path dir;

    @Test
    void theControlChannelDrivesTheDaemonAndQuitEndsIt() throws Exception {
        int port = FreePorts.loopback();
        Path ini = DaemonProcess.twoSleepersIni(dir, port);
        try (DaemonProcess d = new DaemonProcess(dir, ini.toString());
             CircusClient client = new CircusClient("tcp://127.0.0.1:" + port, Duration.ofSeconds(10))) {
            d.awaitLog("Arbiter now waiting for commands");
            assertEquals(List.of("web"), client.call("list").asMap().get("watchers"));
            var incr = client.call("incr", Map.of("name", "web", "nb", 1, "waiting", true));
            assertFalse(incr.isError(), incr.asMap().toString());
            Await.until("three children", () -> d.children().size() == 3);
            assertEquals("active", client.call("status", Map.of("name", "web")).asMap().get("status"));
            client.call("quit", Map.of("waiting", false));
            assertEquals(0, d.awaitExit(), d.log());
        }
    }

    /**
     * The operator's trial: {@code incr third}, then {@code reloadconfig} with the file untouched,
     * keeps 2 (Circus diffs the old file against the new one); a changed [circus] value is reported
     * again and again and {@code globaloptions} keeps showing the value in effect.
     */
    @Test
    void reloadconfigKeepsRunTimeChangesAndDoesNotStoreWhatNeedsARestart() throws Exception {
        int port = FreePorts.loopback();
        int pubsub = FreePorts.loopback();
        Path ini = dir.resolve("circus.ini");
        String file = """
                [circus]
                endpoint = tcp://127.0.0.1:%d
                pubsub_endpoint = tcp://127.0.0.1:%d
                check_delay = %s

                [watcher:third]
                cmd = sleep 3600
                numprocesses = 1
                graceful_timeout = 5
                """;
        Files.writeString(ini, file.formatted(port, pubsub, "5"));
        try (DaemonProcess d = new DaemonProcess(dir, ini.toString());
             CircusClient client = new CircusClient("tcp://127.0.0.1:" + port, Duration.ofSeconds(20))) {
            d.awaitLog("Arbiter now waiting for commands");
            assertFalse(client.call("incr", Map.of("name", "third", "waiting", true)).isError());
            assertFalse(client.call("reloadconfig", Map.of("waiting", true)).isError());
            assertEquals(2, ((Number) client.call("numprocesses", Map.of("name", "third")).asMap().get("numprocesses")).intValue());

            Files.writeString(ini, file.formatted(port, pubsub, "2"));
            for (int i = 0; i < 2; i++) {
                var reply = client.call("reloadconfig", Map.of("waiting", true));
                assertFalse(reply.isError(), reply.asMap().toString());
                int reports = i + 1;
                Await.until("the change reported " + reports + " time(s)", () -> d.log()
                        .split("settings \\[checkDelay] change only when circusd restarts", -1).length - 1 == reports);
                var options = client.call("globaloptions", Map.of("option", "check_delay")).asMap().get("options");
                assertEquals(5, ((Number) ((Map<?, ?>) options).get("check_delay")).intValue(), options.toString());
            }
            assertEquals(2, ((Number) client.call("numprocesses", Map.of("name", "third")).asMap().get("numprocesses")).intValue());
            client.call("quit", Map.of("waiting", false));
            assertEquals(0, d.awaitExit(), d.log());
        }
    }
}
