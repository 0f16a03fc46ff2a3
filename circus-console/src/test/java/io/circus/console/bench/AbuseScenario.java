package io.circus.console.bench;

import io.circus.zmq.client.CircusClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Hostile or careless clients against a daemon with 100 children: its RSS while it receives
 * 100,000 malformed control messages (not JSON, not an object, no command, unknown command, bad
 * properties, binary noise), and while 1000 subscribers that never read sit on the event channel
 * as it publishes thousands of events. Both end with a {@code status} that must still be answered.
 */
final class AbuseScenario {

    private static final byte[][] MALFORMED = {
        "not json".getBytes(StandardCharsets.US_ASCII),
        "[1,2,3]".getBytes(StandardCharsets.US_ASCII),
        "{\"id\":\"x\"}".getBytes(StandardCharsets.US_ASCII),
        "{\"id\":\"y\",\"command\":\"no-such-command\",\"properties\":{}}".getBytes(StandardCharsets.US_ASCII),
        "{\"id\":\"z\",\"command\":\"list\",\"properties\":\"not an object\"}".getBytes(StandardCharsets.US_ASCII),
        noise(512),
    };

    private AbuseScenario() {
    }

    static Extra malformed(CircusContender c, Path dir, int count, Sweeper sweeper) {
        Extra x = new Extra("malformed control messages", c.name());
        try (CircusContender.Daemon d = launch(c, dir, sweeper); ZContext ctx = new ZContext(1)) {
            long pid = d.pid();
            double rss0 = CoreScenario.settledRss(pid);
            ZMQ.Socket dealer = ctx.createSocket(SocketType.DEALER);
            dealer.setLinger(0);
            dealer.setSendTimeOut(60_000);
            dealer.setRcvHWM(0);
            dealer.setIdentity(UUID.randomUUID().toString().replace("-", "").getBytes(StandardCharsets.US_ASCII));
            dealer.connect(d.endpoints().control());
            long replies = 0;
            double rssMax = rss0;
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                if (!dealer.send(MALFORMED[i % MALFORMED.length], 0)) {
                    throw new IllegalStateException("the daemon took no message for 60 s after " + i);
                }
                while (dealer.recv(ZMQ.DONTWAIT) != null) {
                    replies++;
                }
                if (i % 5000 == 0) {
                    rssMax = Math.max(rssMax, ProcFs.rssMib(pid));
                }
            }
            // Replies still coming: read them until none came for a second.
            dealer.setReceiveTimeOut(1000);
            long lastReply = System.nanoTime();
            while (dealer.recv(0) != null) {
                replies++;
                lastReply = System.nanoTime();
                if (replies % 5000 == 0) {
                    rssMax = Math.max(rssMax, ProcFs.rssMib(pid));
                }
            }
            x.put("messages sent", "%d", count).put("error replies read", "%d", replies)
                    .put("first sent → last reply (s)", "%.1f", (lastReply - t0) / 1e9)
                    .put("`status` round trip after (ms)", "%.1f", answeredAfter(d))
                    .put("RSS before (MiB)", "%.1f", rss0).put("RSS max during (MiB)", "%.1f", Math.max(rssMax, ProcFs.rssMib(pid)))
                    .put("RSS after (MiB)", "%.1f", CoreScenario.settledRss(pid));
        } catch (Exception e) {
            x.failure = e.getMessage();
        }
        return x;
    }

    static Extra stalledSubscribers(CircusContender c, Path dir, int subscribers, int rounds, Sweeper sweeper) {
        Extra x = new Extra("stalled subscribers", c.name());
        try (CircusContender.Daemon d = launch(c, dir, sweeper)) {
            long pid = d.pid();
            double rss0 = CoreScenario.settledRss(pid);
            long fds0 = ProcFs.openFiles(pid);
            double rssMax = rss0;
            try (ZContext ctx = new ZContext(1)) {
                List<ZMQ.Socket> subs = new ArrayList<>();
                for (int i = 0; i < subscribers; i++) {
                    ZMQ.Socket s = ctx.createSocket(SocketType.SUB);
                    s.setLinger(0);
                    s.setRcvHWM(1);
                    s.setReceiveBufferSize(4096);
                    s.subscribe(new byte[0]);
                    s.connect(d.endpoints().pubsub());
                    subs.add(s);
                }
                Poll.until("subscribers connected", Duration.ofSeconds(60), Duration.ofMillis(50),
                        () -> ProcFs.openFiles(pid) >= fds0 + subscribers);
                long t0 = System.nanoTime();
                String w = d.workload().watcher();
                for (int r = 0; r < rounds; r++) {
                    d.call("incr", Map.of("name", w, "nb", 100, "waiting", true));
                    d.call("decr", Map.of("name", w, "nb", 100, "waiting", true));
                    rssMax = Math.max(rssMax, ProcFs.rssMib(pid));
                }
                x.put("subscribers (never read)", "%d", subs.size())
                        .put("incr/decr 100 rounds", "%d in %.1f s", rounds, (System.nanoTime() - t0) / 1e9)
                        .put("`status` round trip meanwhile (ms)", "%.1f", answeredAfter(d))
                        .put("RSS before (MiB)", "%.1f", rss0)
                        .put("RSS max during (MiB)", "%.1f", Math.max(rssMax, ProcFs.rssMib(pid)));
            }
            x.put("RSS after they left (MiB)", "%.1f", CoreScenario.settledRss(pid));
        } catch (Exception e) {
            x.failure = e.getMessage();
        }
        return x;
    }

    private static CircusContender.Daemon launch(CircusContender c, Path dir, Sweeper sweeper) throws Exception {
        Workload w = Workload.sleepers(dir, 100).autostarted();
        CircusContender.Daemon d = (CircusContender.Daemon) c.launch(w, sweeper);
        CoreScenario.awaitRunning(d, w.n(), java.util.Set.of(), "100 running");
        return d;
    }

    /** Milliseconds for a fresh client's {@code status} to be answered (fails after 120 s). */
    private static double answeredAfter(CircusContender.Daemon d) {
        try (CircusClient probe = new CircusClient(d.endpoints().control(), Duration.ofSeconds(120))) {
            long t0 = System.nanoTime();
            if (probe.call("status").isError()) {
                throw new IllegalStateException("status answered an error after the abuse");
            }
            return (System.nanoTime() - t0) / 1e6;
        }
    }

    private static byte[] noise(int size) {
        byte[] b = new byte[size];
        new java.util.Random(42).nextBytes(b);
        return b;
    }
}
