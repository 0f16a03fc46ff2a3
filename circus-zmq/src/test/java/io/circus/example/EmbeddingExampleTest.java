package io.circus.example;

import static io.circus.testing.TestChildren.sleepers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.CircusConfig;
import io.circus.config.GlobalSettings;
import io.circus.testing.Await;
import io.circus.zmq.client.CircusClient;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The embedding example in docs/architecture.md is this compiled code, it runs, and a Circus client drives it. */
class EmbeddingExampleTest {

    @Test
    void theDocumentedDaemonServesCircusClientsUntilQuit() throws Exception {
        GlobalSettings loopback = GlobalSettings.builder().endpoint("tcp://127.0.0.1:*")
                .pubsubEndpoint("tcp://127.0.0.1:*").build();
        CircusConfig config = CircusConfig.builder().global(loopback).watchers(List.of(sleepers("web", 2).build()))
                .build();
        CompletableFuture<Void> daemon = CompletableFuture.runAsync(() -> EmbeddingExample.run(config));
        MBeanServer platform = ManagementFactory.getPlatformMBeanServer();
        ObjectName control = new ObjectName("circus:type=Channel,name=control");
        String endpoint = Await.value("the control channel", () -> endpoint(platform, control));
        try (CircusClient circus = new CircusClient(endpoint, Duration.ofSeconds(30))) {
            Await.until("2 processes", () -> circus.call("numprocesses").get("numprocesses").asInt() == 2);
            assertEquals("ok", circus.call("quit", Map.of("waiting", true)).status());
        }
        daemon.get(60, TimeUnit.SECONDS);
        assertTrue(platform.queryNames(new ObjectName("circus:*"), null).isEmpty(), "close unregistered every bean");

        String source = Files.readString(Path.of("src/test/java/io/circus/example/EmbeddingExample.java"));
        String snippet = source.substring(source.indexOf("try (EmbeddedDaemon"), source.indexOf("        // SNIPPET-END"))
                .stripTrailing();
        String doc = Files.readString(Path.of("../docs/architecture.md"));
        assertTrue(doc.contains(snippet.replace("\n        ", "\n").strip()),
                "docs/architecture.md must contain the compiled example:\n" + snippet);
    }

    private static String endpoint(MBeanServer server, ObjectName control) {
        try {
            return server.isRegistered(control) ? (String) server.getAttribute(control, "Endpoint") : null;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
