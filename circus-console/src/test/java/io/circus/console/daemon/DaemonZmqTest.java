package io.circus.console.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.circus.testing.Await;
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
        int port = DaemonProcess.freePort();
        Path ini = dir.resolve("circus.ini");
        Files.writeString(ini, """
                [circus]
                endpoint = tcp://127.0.0.1:%d
                pubsub_endpoint = tcp://127.0.0.1:%d

                [watcher:web]
                cmd = sleep 3600
                numprocesses = 2
                graceful_timeout = 5
                """.formatted(port, DaemonProcess.freePort()));
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
}
