package io.circus.zmq.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circus.protocol.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.zeromq.SocketType;
import io.circus.zmq.auth.ClientKeys;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A client of the control channel: the Java counterpart of Circus's {@code CircusClient}, speaking
 * the same protocol to this daemon or to a Python circusd.
 *
 * <pre>{@code
 * try (CircusClient circus = new CircusClient("tcp://127.0.0.1:5555")) {
 *     Reply r = circus.call("incr", Map.of("name", "web", "nb", 2, "waiting", true));
 *     if (r.isError()) System.err.println(r.errno() + " " + r.reason());
 *     else System.out.println(r.get("numprocesses"));
 * }
 * }</pre>
 *
 * <p>Each call sends {@code {"id": <uuid hex>, "command": ..., "properties": ...}} on a DEALER
 * socket and waits for the reply with that id, up to the timeout; replies with another id (late
 * answers to calls that timed out) are skipped, as Circus's client does.
 *
 * <p>Threading: thread-safe. Calls are serialized: one waits while another is in progress. The
 * socket thus moves between calling threads only across this object's monitor, which is the full
 * memory barrier ZeroMQ requires to migrate a socket. Use one client per thread for parallel calls.
 */
public final class CircusClient implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final String endpoint;
    private final Duration timeout;
    private final ZContext context = new ZContext(1);
    private final ZMQ.Socket socket;
    private final ZMQ.Poller poller;
    private boolean closed;

    /** Connects to {@code endpoint} (e.g. {@code tcp://127.0.0.1:5555}) with a 5 s timeout. */
    public CircusClient(String endpoint) {
        this(endpoint, DEFAULT_TIMEOUT);
    }

    public CircusClient(String endpoint, Duration timeout) {
        this(endpoint, timeout, null);
    }

    /** @param keys the CURVE keys when the daemon requires them (docs/security.md), else null */
    public CircusClient(String endpoint, Duration timeout, ClientKeys keys) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.socket = context.createSocket(SocketType.DEALER);
        socket.setLinger(0);
        socket.setHandshakeIvl(Handshake.TIMEOUT_MILLIS);
        if (keys != null) {
            keys.apply(socket);
        }
        socket.setIdentity(UUID.randomUUID().toString().replace("-", "").getBytes(StandardCharsets.US_ASCII));
        socket.connect(endpoint);
        this.poller = context.createPoller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
    }

    public String endpoint() {
        return endpoint;
    }

    /** A command without properties. */
    public Reply call(String command) {
        return call(command, Map.of());
    }

    /**
     * Sends a command and waits for its reply.
     *
     * @param properties the command's properties (JSON-able values: strings, numbers, booleans,
     *                   lists, maps, null)
     * @throws CallException when no reply comes within the timeout, or the reply is not JSON
     */
    public Reply call(String command, Map<String, ?> properties) {
        return call(command, properties, timeout);
    }

    public Reply call(String command, Map<String, ?> properties, Duration timeout) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("command", command);
        message.put("properties", properties);
        return send(message, timeout);
    }

    /**
     * Sends any message (for example with keys a command layer adds); an {@code id} is added when
     * the message has none, and the reply with that id is returned.
     */
    public synchronized Reply send(Map<String, ?> message, Duration timeout) {
        ensureOpen();
        Map<String, Object> m = new LinkedHashMap<>(message);
        Object id = m.computeIfAbsent("id", k -> UUID.randomUUID().toString().replace("-", ""));
        long deadline = System.nanoTime() + timeout.toNanos();
        // A DEALER whose connection was refused (a wrong CURVE key, an untrusted user) has no peer
        // and would block in send forever; bound it by the call's timeout.
        socket.setSendTimeOut((int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
        if (!socket.send(encode(m), 0)) {
            throw new CallException("Timed out.", true, null);
        }
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new CallException("Timed out.", true, null);
            }
            poller.poll(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            byte[] frame;
            while ((frame = socket.recv(ZMQ.DONTWAIT)) != null) {
                JsonNode reply = decode(frame);
                if (reply.isObject() && id.toString().equals(reply.path("id").asText(null))) {
                    return new Reply((ObjectNode) reply);
                }
            }
        }
    }

    /** Circus's cast: the command runs and no reply is sent. */
    public synchronized void cast(String command, Map<String, ?> properties) {
        ensureOpen();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("command", command);
        message.put("properties", properties);
        message.put("msg_type", "cast");
        socket.setSendTimeOut((int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
        if (!socket.send(encode(message), 0)) {
            throw new CallException("Timed out.", true, null);
        }
    }

    private static byte[] encode(Map<String, Object> message) {
        try {
            return WireJson.mapper().writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("properties are not JSON-able: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode decode(byte[] frame) {
        try {
            return WireJson.mapper().readTree(frame);
        } catch (java.io.IOException e) {
            throw new CallException("the reply is not JSON: " + new String(frame, StandardCharsets.UTF_8), false, e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("client closed");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        poller.close();
        socket.close();
        context.close();
    }
}
