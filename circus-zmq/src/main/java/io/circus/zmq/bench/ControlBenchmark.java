package io.circus.zmq.bench;

import io.circus.zmq.client.CircusClient;
import io.circus.zmq.client.Reply;
import io.circus.zmq.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Measures the control channel of a running daemon from this (separate) process:
 * <ul>
 * <li>latency of {@code list}, {@code list <watcher>} (its pids), {@code status} and
 * {@code status <watcher>}, one call at a time through {@link CircusClient}, as circusctl calls;</li>
 * <li>sustained {@code status <watcher>} calls per second from one client: one at a time, and
 * pipelined on one DEALER (up to {@code --window} in flight, matched by id, as the protocol allows).</li>
 * </ul>
 *
 * <pre>
 * java -cp ... io.circus.zmq.bench.ControlBenchmark tcp://127.0.0.1:5555 --watcher web [--seconds 5] [--calls 2000]
 * </pre>
 *
 * Targets with a 1000-process watcher: list p50 at most 2 ms, p99 at most 5 ms, status p50 at most
 * 0.3 ms, at least 10,000 commands per second.
 */
public final class ControlBenchmark {

    private ControlBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: ControlBenchmark <endpoint> [--watcher NAME] [--calls N] [--seconds S] [--window W]");
            System.exit(2);
        }
        String endpoint = args[0];
        String watcher = option(args, "--watcher", null);
        int calls = Integer.parseInt(option(args, "--calls", "2000"));
        double seconds = Double.parseDouble(option(args, "--seconds", "5"));
        int window = Integer.parseInt(option(args, "--window", "32"));
        try (CircusClient client = new CircusClient(endpoint, Duration.ofSeconds(30))) {
            if (watcher == null) {
                watcher = client.call("list").get("watchers").path(0).asText(null);
            }
            Map<String, Object> named = watcher == null ? Map.of() : Map.of("name", watcher);
            int pids = watcher == null ? 0 : client.call("list", named).get("pids").size();
            System.out.printf(Locale.ROOT, "endpoint %s, watcher %s with %d processes, %d calls per command%n",
                    endpoint, watcher, pids, calls);
            latency(client, "list", Map.of(), calls);
            if (watcher != null) {
                latency(client, "list", named, calls);
            }
            latency(client, "status", Map.of(), calls);
            if (watcher != null) {
                latency(client, "status", named, calls);
            }
            throughput(client, named, seconds);
        }
        pipelined(endpoint, watcher, seconds, window);
    }

    private static void latency(CircusClient client, String command, Map<String, Object> props, int calls) {
        for (int i = 0; i < Math.min(calls, 500); i++) {
            check(client.call(command, props));
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            check(client.call(command, props));
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-24s p50 %7.3f ms  p90 %7.3f ms  p99 %7.3f ms  max %7.3f ms%n",
                command + (props.isEmpty() ? "" : " " + props.get("name")), ms(nanos, 0.50), ms(nanos, 0.90),
                ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
    }

    /** One call at a time, as fast as the replies come. */
    private static void throughput(CircusClient client, Map<String, Object> props, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long t0 = System.nanoTime();
        long n = 0;
        while (System.nanoTime() < end) {
            check(client.call("status", props));
            n++;
        }
        System.out.printf(Locale.ROOT, "%-24s %,10.0f commands/s (one at a time)%n", "status sustained",
                n / ((System.nanoTime() - t0) / 1e9));
    }

    /** Up to {@code window} requests in flight on one DEALER; replies matched by id. */
    private static void pipelined(String endpoint, String watcher, double seconds, int window) {
        String props = watcher == null ? "{}" : "{\"name\":" + WireJson.encodeToString(watcher) + "}";
        try (ZContext ctx = new ZContext(1)) {
            ZMQ.Socket dealer = ctx.createSocket(SocketType.DEALER);
            dealer.setLinger(0);
            dealer.setHandshakeIvl(1000);
            dealer.setIdentity(UUID.randomUUID().toString().replace("-", "").getBytes(StandardCharsets.US_ASCII));
            dealer.setReceiveTimeOut(30_000);
            dealer.connect(endpoint);
            long sent = 0;
            long received = 0;
            long end = System.nanoTime() + (long) (seconds * 1e9);
            long t0 = System.nanoTime();
            while (System.nanoTime() < end || received < sent) {
                while (sent - received < window && System.nanoTime() < end) {
                    dealer.send(("{\"id\":\"" + sent + "\",\"command\":\"status\",\"properties\":" + props + "}")
                            .getBytes(StandardCharsets.US_ASCII), 0);
                    sent++;
                }
                byte[] reply = dealer.recv(0);
                if (reply == null) {
                    throw new IllegalStateException("no reply within 30 s (" + received + " of " + sent + ")");
                }
                received++;
            }
            System.out.printf(Locale.ROOT, "%-24s %,10.0f commands/s (%d in flight)%n", "status pipelined",
                    received / ((System.nanoTime() - t0) / 1e9), window);
        }
    }

    private static void check(Reply r) {
        if (r.isError()) {
            throw new IllegalStateException("error reply: " + r);
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static String option(String[] args, String name, String dflt) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }
}
