package io.circus.plugin.builtin;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.circus.config.WatcherConfig;
import io.circus.plugin.PluginAction;
import io.circus.testing.Await;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** HttpObserver against a real HTTP endpoint that starts failing, restarting a real watcher. */
class HttpObserverTest {

    private static final Duration LONG = Duration.ofSeconds(60);

    @Test
    void anEndpointThatStartsFailingRestartsTheWatcher() throws Exception {
        AtomicInteger status = new AtomicInteger(200);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        WatcherConfig web = WatcherConfig.builder("web", "sleep").args("3600").gracefulTimeout(Duration.ofSeconds(5)).build();
        try (StatsdReceiver statsd = new StatsdReceiver(); PluginHarness h = new PluginHarness(web)) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/health";
            h.run(new HttpObserver(), Map.of("check_url", url, "timeout", "5", "loop_rate", "0.2",
                    "restart_on_error", "web", "host", "127.0.0.1", "port", String.valueOf(statsd.port())));
            Await.until("a timed success", LONG, () -> statsd.has("circus.http_observer.watcher.http_stats.request_time:"));
            assertTrue(h.acts.isEmpty(), h.acts.toString());
            long before = h.bean("web").getPids()[0];

            status.set(503);
            Await.until("a restart", LONG, () -> !h.acts(PluginAction.RESTART).isEmpty());
            assertTrue(statsd.lines.contains("circus.http_observer.watcher.http_stats.error:1|c"), statsd.lines.toString());
            assertTrue(statsd.lines.contains("circus.http_observer.watcher.http_stats.error.503:1|c"), statsd.lines.toString());
            Await.until("restart counted", LONG,
                    () -> statsd.lines.contains("circus.http_observer.watcher.http_stats.restart_on_error:1|c"));
            Await.until("a new process", LONG, () -> {
                long[] pids = h.bean("web").getPids();
                return pids.length == 1 && pids[0] != before;
            });
            assertNotEquals(before, h.bean("web").getPids()[0]);

            server.stop(0);
            Await.until("no response counted as 599", LONG,
                    () -> statsd.lines.contains("circus.http_observer.watcher.http_stats.error.599:1|c"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anEndpointThatHangsFailsWithinTheTimeout() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        java.util.concurrent.ExecutorService handlers = java.util.concurrent.Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.createContext("/hang", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        WatcherConfig web = WatcherConfig.builder("web", "sleep").args("3600").numProcesses(0).build();
        try (StatsdReceiver statsd = new StatsdReceiver(); PluginHarness h = new PluginHarness(web)) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hang";
            h.run(new HttpObserver(), Map.of("check_url", url, "timeout", "0.5", "loop_rate", "0.2",
                    "host", "127.0.0.1", "port", String.valueOf(statsd.port())));
            Await.until("a timed-out check", LONG, () -> !h.acts(PluginAction.REPORT).isEmpty());
            // The request's own timeout and the check's deadline are equal; either may report it.
            String message = h.acts(PluginAction.REPORT).getFirst().message();
            assertTrue(message.contains("no answer within 500 ms") || message.contains("timed out"), message);
            assertTrue(statsd.lines.contains("circus.http_observer.watcher.http_stats.error.599:1|c"), statsd.lines.toString());
        } finally {
            release.countDown();
            server.stop(0);
            handlers.shutdownNow();
        }
    }
}
