package io.circus.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.SocketConfig;
import io.circus.process.linux.LinuxFfmLauncher;
import io.circus.testing.Await;
import java.io.IOException;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketBinderTest {

    private final LinuxFfmLauncher launcher = LinuxFfmLauncher.create();
    private final SocketBinder binder = new SocketBinder(launcher);

    @AfterEach
    void close() {
        launcher.close();
    }

    static SocketConfig tcp(String name, String host, int port, boolean reusePort) {
        return new SocketConfig(name, host, port, null, "AF_INET", "SOCK_STREAM", 0, 16, null, 8, false, reusePort, true);
    }

    private static boolean closeOnExec(int fd) throws IOException {
        String flags = Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd)).stream()
                .filter(l -> l.startsWith("flags:")).findFirst().orElseThrow().substring(6).strip();
        return (Long.parseLong(flags, 8) & 02000000) != 0;
    }

    @Test
    void bindsAnEphemeralPortAndSeesPendingConnections() throws Exception {
        try (BoundSocket socket = binder.bind(tcp("web", "localhost", 0, false))) {
            assertTrue(socket.port() > 0);
            assertEquals("127.0.0.1", socket.host());
            assertEquals("127.0.0.1:" + socket.port(), socket.address());
            assertTrue(closeOnExec(socket.fd()), "close-on-exec in the daemon");
            assertFalse(binder.hasPendingConnection(socket));
            try (Socket client = new Socket("127.0.0.1", socket.port())) {
                Await.until("connection pending", () -> binder.hasPendingConnection(socket));
            }
        }
    }

    @Test
    void firstConnectionTriggersTheCallbackOnce() throws Exception {
        try (BoundSocket socket = binder.bind(tcp("lazy", "127.0.0.1", 0, false))) {
            AtomicInteger calls = new AtomicInteger();
            binder.onFirstConnection(socket, calls::incrementAndGet);
            assertEquals(0, calls.get());
            try (Socket a = new Socket("127.0.0.1", socket.port()); Socket b = new Socket("127.0.0.1", socket.port())) {
                Await.until("callback ran", () -> calls.get() == 1);
                assertTrue(binder.hasPendingConnection(socket), "the connection is left for the child");
            }
            assertEquals(1, calls.get());
        }
    }

    @Test
    void reusePortGivesEachWorkerItsOwnSocketOnTheSamePort() throws Exception {
        try (BoundSocket first = binder.bind(tcp("rp", "127.0.0.1", 0, true));
             BoundSocket second = binder.bind(tcp("rp", "127.0.0.1", first.port(), true))) {
            assertEquals(first.port(), second.port());
            assertNotEquals(first.fd(), second.fd());
        }
        try (BoundSocket taken = binder.bind(tcp("plain", "127.0.0.1", 0, false))) {
            IOException e = assertThrows(IOException.class, () -> binder.bind(tcp("plain", "127.0.0.1", taken.port(), false)));
            assertTrue(e.getMessage().contains("plain") && e.getMessage().contains("bind"), e.getMessage());
        }
    }

    @Test
    void ipv6AndDatagramSockets() throws Exception {
        try (BoundSocket v6 = binder.bind(new SocketConfig("v6", "::1", 0, null, "AF_INET6", "SOCK_STREAM", 0, 8,
                null, 8, false, false, false))) {
            assertTrue(v6.port() > 0);
            assertEquals("[0:0:0:0:0:0:0:1]:" + v6.port(), v6.address());
            try (Socket client = new Socket("::1", v6.port())) {
                Await.until("connection pending", () -> binder.hasPendingConnection(v6));
            }
        }
        try (BoundSocket udp = binder.bind(new SocketConfig("udp", "127.0.0.1", 0, null, "AF_INET", "SOCK_DGRAM", 0, 8,
                null, 8, false, false, false))) {
            assertTrue(udp.port() > 0);
            assertEquals("SOCK_DGRAM", udp.type());
        }
    }

    @Test
    void unixSocketGetsItsUmaskAndIsReplacedAndRemoved(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("app.sock");
        SocketConfig config = new SocketConfig("unix", null, 0, path.toString(), null, "SOCK_STREAM", 0, 8, null,
                0022, false, false, true);
        try (BoundSocket socket = binder.bind(config)) {
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
            try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                client.connect(UnixDomainSocketAddress.of(path));
                Await.until("connection pending", () -> binder.hasPendingConnection(socket));
            }
            IOException e = assertThrows(IOException.class, () -> binder.bind(config));
            assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        }
        assertFalse(Files.exists(path), "closing removes the socket file");
        Files.writeString(path, "stale");
        SocketConfig replacing = new SocketConfig("unix", null, 0, path.toString(), null, "SOCK_STREAM", 0, 8, null,
                0, true, false, true);
        try (BoundSocket socket = binder.bind(replacing)) {
            assertEquals("rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        }
    }

    @Test
    void errorsNameTheSocket() {
        IOException e = assertThrows(IOException.class, () -> binder.bind(new SocketConfig("bad", "127.0.0.1", 0, null,
                "AF_INET", "SOCK_BOGUS", 0, 8, null, 8, false, false, true)));
        assertTrue(e.getMessage().contains("bad") && e.getMessage().contains("SOCK_BOGUS"), e.getMessage());
        assertThrows(IOException.class, () -> binder.bind(new SocketConfig("dev", "127.0.0.1", 0, null,
                "AF_INET", "SOCK_STREAM", 0, 8, "no-such-if0", 8, false, false, true)));
    }
}
