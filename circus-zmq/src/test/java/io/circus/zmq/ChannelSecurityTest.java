package io.circus.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.GlobalSettings;
import io.circus.config.SecuritySettings;
import io.circus.testing.TestChildren;
import io.circus.zmq.auth.Certificate;
import io.circus.zmq.auth.CertificateFiles;
import io.circus.zmq.auth.ClientKeys;
import io.circus.zmq.client.CallException;
import io.circus.zmq.client.CircusClient;
import io.circus.zmq.client.CircusConsumer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/security.md on the ZeroMQ channels, with real clients: on loopback without keys the daemon's
 * own user is served and {@code nobody} (a pyzmq client run through setpriv) is refused, on the
 * control and the event channel alike, and on an ipc:// endpoint too; with CURVE the authorised key
 * is served (JeroMQ and pyzmq with the same zcert files) and a wrong or missing key is not; a
 * channel beyond loopback without authentication does not start.
 */
@ExtendWith(HangDump.class)
class ChannelSecurityTest {

    private static final Duration SHORT = Duration.ofSeconds(3);

    @Test
    void loopbackServesTheDaemonsUserAndRefusesNobody() throws Exception {
        LocalPeers.requireNobody();
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("sleeper", 1).build());
             CircusClient root = d.client()) {
            assertEquals("ok", root.call("list").status());
            assertTrue(LocalPeers.pyzmq(false, "req", d.endpoint(), 10).startsWith("GOT "), "the same user's pyzmq");
            assertEquals("TIMEOUT", LocalPeers.pyzmq(true, "req", d.endpoint(), 3), "nobody's pyzmq on control");
            assertEquals("ok", root.call("list").status(), "still serving after the refusal");
        }
    }

    @Test
    void eventChannelRefusesNobody() throws Exception {
        LocalPeers.requireNobody();
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("sleeper", 1).build());
             CircusClient root = d.client()) {
            String pubsub = d.zmq.pubsubEndpoint();
            for (boolean nobody : new boolean[] {false, true}) {
                CompletableFuture<String> sub = CompletableFuture.supplyAsync(() -> {
                    try {
                        return LocalPeers.pyzmq(nobody, "sub", pubsub, 4);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                // Events keep coming until the subscriber has had its chance.
                while (!sub.isDone()) {
                    root.call("incr", java.util.Map.of("name", "sleeper", "waiting", true));
                    root.call("decr", java.util.Map.of("name", "sleeper", "waiting", true));
                }
                String line = sub.join();
                assertTrue(nobody ? line.equals("TIMEOUT") : line.startsWith("GOT "), (nobody ? "nobody" : "root")
                        + " subscriber got: " + line);
            }
        }
    }

    @Test
    void ipcEndpointAdmitsTrustedUsersOnly(@TempDir Path dir) throws Exception {
        LocalPeers.requireNobody();
        String ipc = "ipc://" + dir.resolve("control");
        GlobalSettings g = ZmqDaemon.settings(false).toBuilder().endpoint(ipc).build();
        try (ZmqDaemon d = ZmqDaemon.startedWith(g); CircusClient root = new CircusClient(ipc, SHORT.multipliedBy(10))) {
            assertEquals(ipc, d.endpoint());
            assertEquals("ok", root.call("list").status());
            // JeroMQ carries ipc://NAME on a loopback port; any local user could connect to it.
            int port = Math.abs(dir.resolve("control").toString().hashCode()) % 55536 + 10000;
            assertEquals("TIMEOUT", LocalPeers.pyzmq(true, "req", "tcp://127.0.0.1:" + port, 3));
            assertTrue(LocalPeers.pyzmq(false, "req", "tcp://127.0.0.1:" + port, 10).startsWith("GOT "));
        }
    }

    @Test
    void curveServesTheAuthorisedKeyOnly(@TempDir Path dir) throws Exception {
        Path authorised = Files.createDirectory(dir.resolve("clients"));
        Certificate server = Certificate.generate();
        Certificate client = Certificate.generate();
        Certificate stranger = Certificate.generate();
        Path[] serverFiles = CertificateFiles.write(dir, "server", server);
        Path[] clientFiles = CertificateFiles.write(dir, "client", client);
        Path[] strangerFiles = CertificateFiles.write(dir, "stranger", stranger);
        Files.copy(clientFiles[0], authorised.resolve("client.key"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(serverFiles[1])));

        GlobalSettings g = ZmqDaemon.settings(false).toBuilder().security(new SecuritySettings(
                serverFiles[1].toString(), authorised.toString(), true, null, false)).build();
        Certificate serverPublic = new Certificate(server.publicKey(), null);
        try (ZmqDaemon d = ZmqDaemon.startedWith(g, TestChildren.sleepers("sleeper", 1).build())) {
            try (CircusClient good = new CircusClient(d.endpoint(), SHORT.multipliedBy(10),
                    new ClientKeys(client, serverPublic))) {
                assertEquals("ok", good.call("list").status());
            }
            try (CircusClient wrong = new CircusClient(d.endpoint(), SHORT, new ClientKeys(stranger, serverPublic));
                 CircusClient none = new CircusClient(d.endpoint(), SHORT)) {
                assertTrue(assertThrows(CallException.class, () -> wrong.call("list")).timedOut());
                assertTrue(assertThrows(CallException.class, () -> none.call("list")).timedOut());
            }
            String py = LocalPeers.python() == null ? null
                    : LocalPeers.pyzmq(false, "req", d.endpoint(), 10, clientFiles[1], serverFiles[0]);
            assertTrue(py.startsWith("GOT ") && py.contains("sleeper"), "pyzmq with the client key: " + py);
            assertEquals("TIMEOUT", LocalPeers.pyzmq(false, "req", d.endpoint(), 3, strangerFiles[1], serverFiles[0]));
            assertEquals("TIMEOUT", LocalPeers.pyzmq(false, "req", d.endpoint(), 3), "no key at all");

            // The event channel requires the key too (curve_pubsub defaults to true).
            try (CircusConsumer sub = new CircusConsumer(new ClientKeys(client, serverPublic), d.zmq.pubsubEndpoint());
                 CircusClient good = new CircusClient(d.endpoint(), SHORT.multipliedBy(10),
                         new ClientKeys(client, serverPublic))) {
                io.circus.testing.Await.until("the keyed subscriber is counted", () -> {
                    good.call("incr", java.util.Map.of("name", "sleeper"));
                    return sub.receive(Duration.ofMillis(200)).isPresent();
                });
            }
            assertEquals("TIMEOUT", LocalPeers.pyzmq(false, "sub", d.zmq.pubsubEndpoint(), 2), "keyless subscriber");
        }
    }

    @Test
    void aChannelBeyondLoopbackWithoutAuthenticationDoesNotStart() {
        GlobalSettings d = ZmqDaemon.settings(false);
        for (String[] c : List.of(new String[] {"tcp://0.0.0.0:*", d.pubsubEndpoint(), "endpoint"},
                new String[] {d.endpoint(), "tcp://*:*", "pubsub_endpoint"})) {
            GlobalSettings g = d.toBuilder().endpoint(c[0]).pubsubEndpoint(c[1]).build();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ZmqFacade.start(MBeanServerFactory.newMBeanServer(), g).close());
            assertTrue(e.getMessage().contains(c[2] + " = ") && e.getMessage().contains("curve_server_key")
                    && e.getMessage().contains("insecure_open_endpoints = true"), e.getMessage());
        }
    }
}
