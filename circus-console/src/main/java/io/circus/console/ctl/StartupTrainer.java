package io.circus.console.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import io.circus.protocol.WireJson;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The training run behind {@code bin/circusctl}'s ahead-of-time cache (JDK 25's
 * {@code -XX:AOTCacheOutput}): runs one-shot commands the way an operator does, against a stand-in
 * daemon on a loopback port that answers Circus-shaped replies, so the cache holds the classes, and
 * their linking, of a real one-shot call: option parsing, the ZeroMQ client and its engine, JSON,
 * rendering. No daemon is needed, and nothing is printed.
 *
 * <p>Threading: the stand-in's ROUTER is created, used and closed by its own thread, which sees the
 * end of training through a flag between polls.
 */
public final class StartupTrainer {

    private static volatile boolean done;

    private StartupTrainer() {
    }

    public static void main(String[] args) throws Exception {
        try (ZContext context = new ZContext(1)) {
            java.util.concurrent.CompletableFuture<String> bound = new java.util.concurrent.CompletableFuture<>();
            Thread daemon = Thread.ofPlatform().name("trainer-daemon").start(() -> serve(context, bound));
            String endpoint = bound.get(10, java.util.concurrent.TimeUnit.SECONDS);
            PrintStream none = new PrintStream(OutputStream.nullOutputStream());
            for (List<String> command : List.of(List.of("list"), List.of("status"), List.of("numwatchers"),
                    List.of("status", "web"), List.of("--json", "list"))) {
                List<String> argv = new java.util.ArrayList<>(List.of("--endpoint", endpoint));
                argv.addAll(command);
                CircusCtl.run(argv, new ByteArrayInputStream(new byte[0]), none, none, Map.of(), false);
            }
            done = true;
            daemon.join();
        }
    }

    /** Answers each request with a plausible reply until training is done. */
    private static void serve(ZContext context, java.util.concurrent.CompletableFuture<String> bound) {
        ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
        router.setLinger(0);
        router.setReceiveTimeOut(50);
        try {
            router.bind("tcp://127.0.0.1:*");
            bound.complete(router.getLastEndpoint());
            while (!done) {
                byte[] identity = router.recv(0);
                if (identity == null) {
                    continue;
                }
                byte[] payload = router.recv(0);
                JsonNode request = WireJson.mapper().readTree(payload);
                Map<String, Object> reply = new java.util.LinkedHashMap<>();
                reply.put("status", request.path("properties").has("name") ? "active" : "ok");
                reply.put("time", io.circus.protocol.Replies.now());
                reply.put("watchers", List.of("web"));
                reply.put("statuses", Map.of("web", "active"));
                reply.put("numwatchers", 1);
                reply.put("id", request.path("id").asText());
                router.sendMore(identity);
                router.send(WireJson.encode(reply), 0);
            }
        } catch (Exception e) {
            bound.completeExceptionally(e);
        } finally {
            router.close();
        }
    }
}
