package io.circus.zmq.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.circus.protocol.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.zeromq.SocketType;
import io.circus.zmq.auth.ClientKeys;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A subscriber to the event channel or the stats stream: the Java counterpart of Circus's
 * {@code CircusConsumer}.
 *
 * <pre>{@code
 * try (CircusConsumer events = new CircusConsumer("tcp://127.0.0.1:5556", "watcher.web.")) {
 *     while (running) {
 *         events.receive(Duration.ofSeconds(1)).ifPresent(m ->
 *                 System.out.println(m.topic() + " " + m.payload()));
 *     }
 * }
 * }</pre>
 *
 * Topics are prefixes: {@code "watcher."} is every Circus event, {@code "watcher.web.reap"} one kind
 * for one watcher, {@code "stat."} every stats message, {@code ""} (or none given) everything. Like
 * any ZeroMQ subscriber it misses what is published before its subscription reaches the daemon, and
 * a subscriber too slow for the daemon's high-water mark loses events: {@link Message#seq()} then
 * shows a gap, and the daemon's state can be re-read with the control channel.
 *
 * <p>Threading: thread-safe by serialization, as {@link CircusClient}.
 */
public final class CircusConsumer implements AutoCloseable {

    private final ZContext context = new ZContext(1);
    private final ZMQ.Socket socket;
    private final ZMQ.Poller poller;
    private boolean closed;

    public CircusConsumer(String endpoint, String... topics) {
        this(null, endpoint, topics);
    }

    /** @param keys the CURVE keys when the daemon requires them (docs/security.md), else null */
    public CircusConsumer(ClientKeys keys, String endpoint, String... topics) {
        Objects.requireNonNull(endpoint, "endpoint");
        socket = context.createSocket(SocketType.SUB);
        socket.setLinger(0);
        if (keys != null) {
            keys.apply(socket);
        }
        socket.setHandshakeIvl(Handshake.TIMEOUT_MILLIS);
        if (topics.length == 0) {
            socket.subscribe(new byte[0]);
        }
        for (String topic : topics) {
            socket.subscribe(topic.getBytes(StandardCharsets.UTF_8));
        }
        socket.connect(endpoint);
        poller = context.createPoller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
    }

    /**
     * The next message, waiting up to {@code timeout}; empty when none came.
     *
     * @throws CallException when a message is not the two frames topic and JSON
     */
    public synchronized Optional<Message> receive(Duration timeout) {
        if (closed) {
            throw new IllegalStateException("consumer closed");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] topic;
        while ((topic = socket.recv(ZMQ.DONTWAIT)) == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            poller.poll(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        if (!socket.hasReceiveMore()) {
            throw new CallException("a message with one frame: " + new String(topic, StandardCharsets.UTF_8), false, null);
        }
        byte[] payload = socket.recv(0);
        while (socket.hasReceiveMore()) {
            socket.recv(0);
        }
        try {
            JsonNode json = WireJson.mapper().readTree(payload);
            return Optional.of(new Message(new String(topic, StandardCharsets.UTF_8), json));
        } catch (java.io.IOException e) {
            throw new CallException("payload is not JSON: " + new String(payload, StandardCharsets.UTF_8), false, e);
        }
    }

    /**
     * Whether a message is waiting, without taking it. It also lets the socket handle what ZeroMQ
     * queued for it (its connection's hand-shakes, a re-sent subscription after a reconnect), which
     * ZeroMQ only does when its owner calls into the socket: a subscriber that neither receives nor
     * calls this may never have its subscription reach the publisher (seen in about one of 40 fresh
     * connections). Call it while waiting for something else, e.g. for the daemon to count the
     * subscription.
     */
    public synchronized boolean ready() {
        if (closed) {
            throw new IllegalStateException("consumer closed");
        }
        return (socket.getEvents() & ZMQ.Poller.POLLIN) != 0;
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
