package io.circus.security;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The owner of the client end of a TCP connection made on this machine, read from the kernel's
 * socket tables ({@code /proc/net/tcp}, {@code /proc/net/tcp6}): there the client's socket is a line
 * whose local address is the peer address the server sees, whose remote address is the server's,
 * and whose uid column is the user who created it. Works only for peers in the same network
 * namespace, which loopback peers are.
 *
 * <p>Sockets in TIME_WAIT are ignored (the kernel reports them as uid 0, and they can send nothing
 * more); listening sockets too. Thread-safe: every call reads the tables afresh.
 */
public final class PeerCredentials {

    private static final String TIME_WAIT = "06";
    private static final String LISTEN = "0A";

    private final List<Path> tables;

    public PeerCredentials() {
        this(List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6")));
    }

    PeerCredentials(List<Path> tables) {
        this.tables = tables;
    }

    /** One client socket: its address and port, the port it is connected to, its owner. */
    public record ClientSocket(InetAddress address, int port, InetAddress serverAddress, int serverPort, int uid) {
    }

    /**
     * The uid that owns the client end of one connection.
     *
     * @param peer   the client's address and port, as the server sees them
     * @param server the server's own address and port of that connection
     * @return empty when no such socket is found (the peer is not on this machine, or has gone)
     */
    public OptionalInt uidOf(InetSocketAddress peer, InetSocketAddress server) {
        for (ClientSocket c : clientsOf(server.getPort())) {
            if (c.port() == peer.getPort() && same(c.address(), peer.getAddress())
                    && same(c.serverAddress(), server.getAddress())) {
                return OptionalInt.of(c.uid());
            }
        }
        return OptionalInt.empty();
    }

    /** Every live client socket on this machine connected to {@code serverPort}, from any address. */
    public List<ClientSocket> clientsOf(int serverPort) {
        List<ClientSocket> found = new ArrayList<>();
        for (Path table : tables) {
            List<String> lines;
            try {
                lines = Files.readAllLines(table);
            } catch (IOException e) {
                continue; // no IPv6 in this kernel, or no /proc: nothing found, nobody trusted
            }
            for (int i = 1; i < lines.size(); i++) {
                ClientSocket c = parse(lines.get(i), serverPort);
                if (c != null) {
                    found.add(c);
                }
            }
        }
        return found;
    }

    /** Columns: sl local rem st tx:rx tr:when retrnsmt uid timeout inode ... */
    private static ClientSocket parse(String line, int serverPort) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 8 || f[3].equals(TIME_WAIT) || f[3].equals(LISTEN)) {
            return null;
        }
        int remPort = port(f[2]);
        if (remPort != serverPort) {
            return null;
        }
        try {
            return new ClientSocket(address(f[1]), port(f[1]), address(f[2]), remPort, Integer.parseInt(f[7]));
        } catch (RuntimeException | UnknownHostException e) {
            return null;
        }
    }

    private static int port(String hostPort) {
        return Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1), 16);
    }

    /** The kernel prints each 32-bit word of the address in host (little-endian) byte order. */
    static InetAddress address(String hostPort) throws UnknownHostException {
        String hex = hostPort.substring(0, hostPort.indexOf(':'));
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = (word * 4 + 3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes);
    }

    /** Equal, counting an IPv4-mapped IPv6 address as its IPv4 address. */
    public static boolean same(InetAddress a, InetAddress b) {
        return a.equals(b) || new BigInteger(1, unmapped(a)).equals(new BigInteger(1, unmapped(b)));
    }

    private static byte[] unmapped(InetAddress a) {
        byte[] raw = a.getAddress();
        if (raw.length == 16) {
            boolean mapped = raw[10] == (byte) 0xff && raw[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = raw[i] == 0;
            }
            if (mapped) {
                return new byte[] {raw[12], raw[13], raw[14], raw[15]};
            }
        }
        return raw;
    }
}
