package io.circus.console.ctl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.circus.jmx.CircusNames;
import io.circus.protocol.Dispatcher;
import io.circus.protocol.Request;
import io.circus.zmq.events.EventFormat;
import io.circus.protocol.Beans;
import io.circus.protocol.WireJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.management.MBeanServerConnection;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The JMX transport: the same Circus requests, run by the protocol package's {@link Dispatcher} (the
 * very code behind the ZeroMQ control channel) over a remote {@link MBeanServerConnection}, so that every
 * reply is byte-for-byte what the daemon's ZeroMQ channel would send. {@code listen} subscribes to
 * the Arbiter bean's notifications and turns them into Circus topics and payloads with circus-zmq's
 * {@link EventFormat}, again exactly as the daemon publishes them.
 *
 * <p>Threading: owned by one thread. Each call runs on a helper thread so that the caller can give
 * up after the timeout, as Circus's client does; the connection itself is thread-safe. Events arrive
 * on the JMX client's notification thread.
 */
public final class JmxTransport implements Transport {

    private final JMXConnector connector;
    private final MBeanServerConnection connection;
    private final Dispatcher dispatcher;
    private final Duration timeout;
    private final String describe;
    private final ExecutorService calls = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "circusctl-jmx-call");
        t.setDaemon(true);
        return t;
    });

    private JmxTransport(JMXConnector connector, Duration timeout, String describe) throws IOException {
        this.connector = connector;
        this.connection = connector.getMBeanServerConnection();
        this.dispatcher = new Dispatcher(new Beans(connection));
        this.timeout = timeout;
        this.describe = describe;
    }

    /**
     * Connects to {@code host:port} (the daemon's {@code jmx_port}) or to a full
     * {@code service:jmx:...} URL.
     *
     * @param credentials {@code user:password}, or null
     */
    public static JmxTransport connect(String address, String credentials, Duration timeout) throws NoReplyException {
        String url = address.startsWith("service:jmx:") ? address
                : "service:jmx:rmi:///jndi/rmi://" + address + "/jmxrmi";
        Map<String, Object> env = new LinkedHashMap<>();
        if (credentials != null) {
            int colon = credentials.indexOf(':');
            env.put(JMXConnector.CREDENTIALS, new String[] {
                colon < 0 ? credentials : credentials.substring(0, colon), colon < 0 ? "" : credentials.substring(colon + 1)});
        }
        try {
            return new JmxTransport(JMXConnectorFactory.connect(new JMXServiceURL(url), env), timeout, address);
        } catch (IOException | SecurityException e) {
            throw new NoReplyException("cannot connect to " + url + ": " + e.getMessage(), e);
        }
    }

    /** Attaches to a daemon JVM on this host by pid, starting its local management agent if needed. */
    public static JmxTransport attach(long pid, Duration timeout) throws NoReplyException {
        String url = LocalAttacher.serviceUrl(pid);
        try {
            return new JmxTransport(JMXConnectorFactory.connect(new JMXServiceURL(url)), timeout, "pid " + pid);
        } catch (IOException e) {
            throw new NoReplyException("cannot connect to pid " + pid + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ObjectNode call(String command, ObjectNode properties) throws NoReplyException {
        String id = UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("command", command);
        message.put("properties", WireJson.toJava(properties));
        message.put("id", id);
        byte[] raw;
        try {
            // Encoded as CircusClient encodes it: errno 5 reasons quote these very bytes.
            raw = WireJson.mapper().writeValueAsBytes(message);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new NoReplyException("properties are not JSON-able: " + e.getOriginalMessage(), e);
        }
        Request request = Request.of(raw, TextNode.valueOf(id), command, properties, false);
        Future<Map<String, Object>> reply = calls.submit(() -> dispatcher.handle(request));
        try {
            Map<String, Object> map = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            // Through the wire encoding and back, so the tree is what a ZeroMQ client would parse.
            return (ObjectNode) WireJson.mapper().readTree(WireJson.encode(map));
        } catch (TimeoutException e) {
            throw new NoReplyException(NoReplyException.TIMED_OUT, e);
        } catch (ExecutionException e) {
            throw new NoReplyException(String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoReplyException("interrupted", e);
        } catch (IOException e) {
            throw new NoReplyException("the reply is not JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public AutoCloseable listen(String endpoint, List<String> topics, Consumer<Event> sink) throws NoReplyException {
        List<String> prefixes = topics.isEmpty() ? List.of("") : topics;
        NotificationListener listener = (n, handback) -> {
            if (n.getUserData() instanceof CompositeData data) {
                EventFormat.Published p = EventFormat.of(data);
                if (p != null && prefixes.stream().anyMatch(p.topic()::startsWith)) {
                    sink.accept(new Event(p.topic(), new String(p.payload(), StandardCharsets.UTF_8)));
                }
            }
        };
        try {
            connection.addNotificationListener(CircusNames.ARBITER, listener, null, null);
        } catch (Exception e) {
            throw new NoReplyException("cannot subscribe to " + CircusNames.ARBITER + ": " + e.getMessage(), e);
        }
        return () -> {
            try {
                connection.removeNotificationListener(CircusNames.ARBITER, listener);
            } catch (Exception e) {
                // The daemon or the connection is gone: nothing left to remove.
            }
        };
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public void close() {
        calls.shutdownNow();
        try {
            connector.close();
        } catch (IOException e) {
            // Closing a broken connection: nothing to do.
        }
    }
}
