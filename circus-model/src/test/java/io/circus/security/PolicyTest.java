package io.circus.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules every facade applies: what counts as loopback, the refusal message, and the uid of a
 * real loopback connection read from the kernel's tables (and from a /proc/net/tcp6 line).
 */
class PolicyTest {

    @Test
    void loopbackAndBeyond() {
        for (String a : List.of("tcp://127.0.0.1:5555", "tcp://127.0.0.1:*", "tcp://localhost:5555", "tcp://[::1]:5555",
                "ipc:///run/circus.sock", "127.0.0.1", "::1", "localhost")) {
            assertTrue(EndpointPolicy.isLoopback(a), a);
        }
        for (String a : List.of("tcp://0.0.0.0:5555", "tcp://*:5555", "tcp://[::]:5555", "tcp://192.0.2.7:5555",
                "0.0.0.0", "*", "tcp://eth0:5555")) {
            assertFalse(EndpointPolicy.isLoopback(a), a);
        }
    }

    @Test
    void beyondLoopbackWithoutAuthenticationIsRefusedUnlessOpenedOnPurpose() {
        InsecureEndpointException e = assertThrows(InsecureEndpointException.class, () -> EndpointPolicy.of(false)
                .requireSafe("control endpoint", "endpoint", "tcp://0.0.0.0:5555", false, "set curve keys"));
        assertEquals("control endpoint endpoint = tcp://0.0.0.0:5555 listens beyond loopback without authentication, "
                + "so anyone who reaches it could run commands as this daemon's user; set curve keys, bind it to "
                + "127.0.0.1, or set insecure_open_endpoints = true in [circus] to open it anyway", e.getMessage());
        EndpointPolicy.of(false).requireSafe("c", "endpoint", "tcp://0.0.0.0:5555", true, "x");
        EndpointPolicy.of(true).requireSafe("c", "endpoint", "tcp://0.0.0.0:5555", false, "x");
        EndpointPolicy.of(false).requireSafe("c", "endpoint", "tcp://127.0.0.1:5555", false, "x");
    }

    @Test
    void theUidOfARealLoopbackConnectionIsFound() throws IOException {
        LoopbackGate gate = new LoopbackGate(TrustedUsers.of(null, null));
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            LoopbackGate.Verdict v = gate.check(accepted);
            assertEquals(TrustedUsers.daemonUid(), v.uid(), v.reason());
            assertTrue(v.admitted(), v.reason());
            // A peer that is not on this machine's tables is refused, not guessed.
            assertFalse(gate.check(new InetSocketAddress(InetAddress.getLoopbackAddress(), 1),
                    (InetSocketAddress) accepted.getLocalSocketAddress()).admitted());
        }
    }

    @Test
    void tcp6LinesAreParsed(@TempDir Path dir) throws IOException {
        Path tcp6 = Files.writeString(dir.resolve("tcp6"), String.join("\n",
                "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 00000000000000000000000001000000:A2C4 00000000000000000000000001000000:15B3 01 00000000:00000000 00:00000000 00000000 65534        0 1 1",
                "   1: 00000000000000000000000001000000:A2C5 00000000000000000000000001000000:15B3 06 00000000:00000000 00:00000000 00000000     0        0 0 1",
                ""));
        PeerCredentials creds = new PeerCredentials(List.of(tcp6));
        InetAddress one = InetAddress.getByName("::1");
        assertEquals(65534, creds.uidOf(new InetSocketAddress(one, 0xA2C4), new InetSocketAddress(one, 0x15B3)).getAsInt());
        assertTrue(creds.uidOf(new InetSocketAddress(one, 0xA2C5), new InetSocketAddress(one, 0x15B3)).isEmpty(),
                "TIME_WAIT sockets say uid 0 and are ignored");
        assertFalse(TrustedUsers.of(null, null).trusts(65534) && TrustedUsers.daemonUid() != 65534);
    }
}
