package io.circus.console.ctl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circus.zmq.auth.ClientKeys;
import io.circus.zmq.client.CircusClient;
import io.circus.zmq.client.CircusConsumer;
import io.circus.zmq.client.Message;
import io.circus.protocol.WireJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import io.circus.protocol.PythonJson;

/**
 * The default transport: Circus's control channel through circus-zmq's {@link CircusClient}
 * (a DEALER socket), and {@code listen} through a {@link CircusConsumer} on the pub/sub endpoint.
 *
 * <p>Threading: the DEALER socket is used only by the thread that owns this transport (the console's
 * main thread). Each {@link #listen} subscription has one thread of its own that creates, reads and
 * closes its SUB socket; closing the handle sets a flag that thread sees within one poll (200 ms),
 * so no ZeroMQ thread is ever interrupted.
 */
public final class ZmqTransport implements Transport {

    public static final String DEFAULT_ENDPOINT = "tcp://127.0.0.1:5555";
    public static final String DEFAULT_PUBSUB = "tcp://127.0.0.1:5556";

    private final String endpoint;
    private final CircusClient client;
    private final ClientKeys keys;

    public ZmqTransport(String endpoint, Duration timeout) {
        this(endpoint, timeout, null);
    }

    /** @param keys CURVE keys for a daemon that requires them (docs/security.md), else null */
    public ZmqTransport(String endpoint, Duration timeout, ClientKeys keys) {
        this.endpoint = endpoint;
        this.keys = keys;
        this.client = new CircusClient(endpoint, timeout, keys);
    }

    @Override
    public ObjectNode call(String command, ObjectNode properties) throws NoReplyException {
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) WireJson.toJava(properties);
        try {
            return client.call(command, props).json();
        } catch (io.circus.zmq.client.CallException e) {
            throw new NoReplyException(e.timedOut() ? NoReplyException.TIMED_OUT : e.getMessage(), e);
        }
    }

    @Override
    public AutoCloseable listen(String pubsub, List<String> topics, Consumer<Event> sink) {
        String at = pubsub != null ? pubsub : DEFAULT_PUBSUB;
        EventPump pump = new EventPump(at, topics, sink, keys);
        Thread.ofPlatform().name("circusctl-listen").daemon().start(pump);
        return pump;
    }

    @Override
    public String describe() {
        return endpoint;
    }

    @Override
    public void close() {
        client.close();
    }

    /** Owns one SUB socket on its own thread, from creation to close. */
    private static final class EventPump implements Runnable, AutoCloseable {
        private final String endpoint;
        private final List<String> topics;
        private final Consumer<Event> sink;
        private final ClientKeys keys;
        private volatile boolean closed;
        private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);

        EventPump(String endpoint, List<String> topics, Consumer<Event> sink, ClientKeys keys) {
            this.keys = keys;
            this.endpoint = endpoint;
            this.topics = topics;
            this.sink = sink;
        }

        @Override
        public void run() {
            try (CircusConsumer consumer = new CircusConsumer(keys, endpoint, topics.toArray(String[]::new))) {
                while (!closed) {
                    consumer.receive(Duration.ofMillis(200)).ifPresent(this::deliver);
                }
            } catch (RuntimeException e) {
                sink.accept(new Event("circusctl.error", String.valueOf(e.getMessage())));
            } finally {
                done.countDown();
            }
        }

        private void deliver(Message m) {
            sink.accept(new Event(m.topic(), PythonJson.json(m.payload())));
        }

        @Override
        public void close() throws InterruptedException {
            closed = true;
            done.await(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
