package io.circus.zmq.stats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Connections waiting to be accepted on listening TCP sockets, from {@code /proc/net/tcp} and
 * {@code tcp6} (a LISTEN line's rx_queue is its accept backlog). This stands in for circusd-stats'
 * "reads", which counted how often a socket was readable in 10 ms polls: both say "clients are
 * knocking and nobody answers yet", which is what circus-top's HITS column is for. We cannot poll
 * the descriptors ourselves, as the sockets belong to the runtime.
 *
 * <p>Threading: stateless.
 */
final class ListenQueues {

    private static final String LISTEN = "0A";

    private ListenQueues() {
    }

    /** Backlog by local port, summed over the addresses a port is bound on. */
    static Map<Integer, Long> byPort(Path procNet) {
        Map<Integer, Long> queues = new HashMap<>();
        read(procNet.resolve("tcp"), queues);
        read(procNet.resolve("tcp6"), queues);
        return queues;
    }

    private static void read(Path table, Map<Integer, Long> queues) {
        String text;
        try {
            text = Files.readString(table, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return;
        }
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            // sl local_address rem_address st tx_queue:rx_queue ...
            if (f.length < 5 || !LISTEN.equals(f[3]) || f[1].indexOf(':') < 0 || f[4].indexOf(':') < 0) {
                continue;
            }
            try {
                int port = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
                long rx = Long.parseLong(f[4].substring(f[4].indexOf(':') + 1), 16);
                queues.merge(port, rx, Long::sum);
            } catch (NumberFormatException e) {
                // A header or a line we do not understand.
            }
        }
    }
}
