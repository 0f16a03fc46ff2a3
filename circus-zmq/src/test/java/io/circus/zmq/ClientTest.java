package io.circus.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.WatcherConfig;
import io.circus.runtime.WatcherState;
import io.circus.testing.Await;
import io.circus.testing.FreePorts;
import io.circus.testing.TestChildren;
import io.circus.zmq.client.CallException;
import io.circus.zmq.client.CircusClient;
import io.circus.zmq.client.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The Java client: calls, errors, timeouts, stale replies, casts, sharing between threads. */
@org.junit.jupiter.api.extension.ExtendWith(HangDump.class)
class ClientTest {

    @Test
    void callsAnswerWithRepliesAndErrorsAreReplies() {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("web", 2).build()); CircusClient circus = d.client()) {
            Reply r = circus.call("numprocesses", Map.of("name", "WEB"));
            assertFalse(r.isError());
            assertEquals("ok", r.status());
            assertEquals(2, r.get("numprocesses").asInt());
            assertEquals(0, r.errno());
            assertEquals(2, ((Number) r.asMap().get("numprocesses")).intValue());

            Reply status = circus.call("status", Map.of("name", "web"));
            assertFalse(status.isError(), "any status but error is a success");
            assertEquals("active", status.status());

            Reply e = circus.call("nope");
            assertTrue(e.isError());
            assertEquals(2, e.errno());
            assertEquals("unknown command: 'nope'", e.reason());

            circus.cast("stop", Map.of("name", "web"));
            Await.until("web stopped by a cast", () -> d.arbiter.watcher("web").orElseThrow().state() == WatcherState.STOPPED);
        }
    }

    @Test
    void aCallWithoutAnswerTimesOut() throws IOException {
        int port = FreePorts.loopback();
        try (CircusClient nobody = new CircusClient("tcp://127.0.0.1:" + port, Duration.ofMillis(300))) {
            CallException e = assertThrows(CallException.class, () -> nobody.call("list"));
            assertTrue(e.timedOut());
            assertEquals("Timed out.", e.getMessage());
        }
    }

    /** A reply that comes after its call timed out is skipped by the next call, which matches ids. */
    @Test
    void lateRepliesToTimedOutCallsAreSkipped() {
        WatcherConfig stubborn = WatcherConfig.builder("stubborn", "sh")
                .args("-c 'trap \"\" TERM; while :; do sleep 0.2; done'").gracefulTimeout(Duration.ofSeconds(1)).build();
        try (ZmqDaemon d = ZmqDaemon.started(stubborn); CircusClient circus = d.client()) {
            assertThrows(CallException.class, () -> circus.call("stop", Map.of("name", "stubborn", "waiting", true),
                    Duration.ofMillis(200)));
            Await.until("stubborn stopped", () -> d.arbiter.watcher("stubborn").orElseThrow().state() == WatcherState.STOPPED);
            Reply list = circus.call("list");
            assertEquals("[\"stubborn\"]", list.get("watchers").toString());
        }
    }

    /** Guards the handshake time-out: with JeroMQ a fresh connection now and then stalls (see Handshake). */
    @Test
    void everyFreshClientGetsItsFirstAnswer() {
        try (ZmqDaemon d = ZmqDaemon.started()) {
            for (int i = 0; i < 60; i++) {
                try (CircusClient c = new CircusClient(d.endpoint(), Duration.ofSeconds(10))) {
                    assertEquals(0, c.call("numwatchers").get("numwatchers").asInt());
                }
            }
        }
    }

    @Test
    void oneClientSharedByThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("web", 1).build()); CircusClient circus = d.client()) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 100; i++) {
                        ok += circus.call("numwatchers").get("numwatchers").asInt();
                    }
                    return ok;
                }));
            }
            for (Future<Integer> f : results) {
                assertEquals(100, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
