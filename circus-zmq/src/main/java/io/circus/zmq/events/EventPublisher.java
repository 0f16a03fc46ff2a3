package io.circus.zmq.events;

import io.circus.zmq.PubsubChannelMXBean;
import io.circus.zmq.internal.Binding;
import io.circus.zmq.internal.Mailbox;
import io.circus.zmq.internal.TopicSubscriptions;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.management.openmbean.CompositeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The event channel: one thread owns the publishing socket bound on {@code pubsub_endpoint} and
 * sends every event queued by {@link #offer}, in order, as Circus's two frames (topic, JSON).
 *
 * <p>The socket is an XPUB, which subscribers cannot tell from Circus's PUB; it lets the publisher
 * know the subscribed topic prefixes (their count is an attribute, and how tests know a subscriber
 * is ready), so an event no subscriber would receive is never encoded nor queued. Two places can
 * lose events and both are visible: the queue to this thread is bounded ({@code DroppedEvents}),
 * and ZeroMQ drops a slow subscriber's events past the send high-water mark, which only that
 * subscriber can see as a gap in {@code seq}.
 *
 * <p>Threading: {@link #offer} from any thread (the JMX dispatcher); the socket lives and dies on
 * the {@code circus-zmq-pubsub} thread; counters are readable anywhere. Stops by flag and wake-up.
 */
public final class EventPublisher implements PubsubChannelMXBean, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    private final ZContext context;
    private final String endpoint;
    private final int sndHwm;
    private final int capacity;
    /** Encoded events (a few hundred bytes each), not the notifications (a kilobyte of maps each). */
    private final Mailbox<Queued> queue = new Mailbox<>();
    private final long maxQueueBytes;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final CompletableFuture<String> bound = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Consumer<ZMQ.Socket> beforeBind = socket -> { };
    private volatile Consumer<String> afterBind = endpoint -> { };
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile long lastSeq;
    /** What the subscribers hold; read on this thread, asked by {@link #offer}'s callers. */
    private final TopicSubscriptions subscriptions = new TopicSubscriptions();

    /**
     * @param sndHwm        ZeroMQ send high-water mark per subscriber, in frames (an event is two)
     * @param capacity      events that may wait for this thread before new ones are dropped
     * @param maxQueueBytes the same bound in bytes of encoded events, whichever is reached first
     */
    public EventPublisher(ZContext context, String endpoint, int sndHwm, int capacity, long maxQueueBytes) {
        this.maxQueueBytes = maxQueueBytes;
        this.context = context;
        this.endpoint = endpoint;
        this.sndHwm = sndHwm;
        this.capacity = capacity;
        this.thread = Thread.ofPlatform().name("circus-zmq-pubsub").daemon().unstarted(this::run);
    }

    /**
     * Security set-up (docs/security.md): {@code before} runs on the publisher thread before the
     * bind, {@code after} with the endpoint bound. Call before {@link #start}.
     */
    public void guard(Consumer<ZMQ.Socket> before, Consumer<String> after) {
        this.beforeBind = before;
        this.afterBind = after;
    }

    /**
     * Binds and starts publishing.
     *
     * @return the endpoint actually bound
     * @throws IllegalStateException when it cannot be bound
     */
    public String start() {
        thread.start();
        try {
            return bound.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("[circus] pubsub_endpoint = '" + endpoint + "': cannot bind: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("pubsub endpoint " + endpoint + " not bound: " + e);
        }
    }

    /** Whether any subscriber is connected (with any prefix): until one is, no event is worth building. */
    public boolean subscribed() {
        return !subscriptions.isEmpty();
    }

    /**
     * Queues an event (a notification's user data), encoded here so that a backlog (1000 subscribers
     * make each send slow) holds bytes, not maps; never blocks, drops and counts when either bound
     * is reached.
     */
    public void offer(CompositeData event) {
        if (subscriptions.isEmpty()) {
            return; // the common case: nobody subscribes, so not even the topic is worth building
        }
        EventFormat.Published message;
        byte[] topic;
        try {
            String name = EventFormat.topic(event);
            if (name == null) {
                return;
            }
            topic = name.getBytes(StandardCharsets.UTF_8);
            if (!subscriptions.matches(topic)) {
                // Nobody would receive it: the socket would drop it after we encoded it. A stop of
                // 10,000 processes is 20,000 events, most often with no subscriber at all.
                return;
            }
            message = EventFormat.of(event, name);
        } catch (RuntimeException e) {
            LOG.warn("event not publishable: {}", event, e);
            return;
        }
        Queued item = new Queued(topic, message.payload(), message.seq());
        long bytes = item.weight();
        if (queuedBytes.addAndGet(bytes) > maxQueueBytes) {
            queuedBytes.addAndGet(-bytes);
            dropped.incrementAndGet();
        } else if (!queue.offer(item, capacity)) {
            queuedBytes.addAndGet(-bytes);
            dropped.incrementAndGet();
        }
    }

    /** An event ready for the socket: its two frames and its sequence number. */
    private record Queued(byte[] topic, byte[] payload, long seq) {
        /** What it costs while queued: its bytes and about 100 bytes of objects around them. */
        long weight() {
            return topic.length + payload.length + 100L;
        }
    }

    private void run() {
        ZMQ.Socket pub = context.createSocket(SocketType.XPUB);
        try {
            pub.setLinger(0);
            pub.setSndHWM(sndHwm);
            beforeBind.accept(pub);
            pub.bind(endpoint);
            afterBind.accept(pub.getLastEndpoint());
        } catch (RuntimeException e) {
            pub.close();
            queue.close();
            bound.completeExceptionally(Binding.failure(e));
            return;
        }
        ZMQ.Poller poller = context.createPoller(2);
        try {
            poller.register(pub, ZMQ.Poller.POLLIN);
            poller.register(queue.wakeupChannel(), ZMQ.Poller.POLLIN);
            bound.complete(pub.getLastEndpoint());
            LOG.info("event channel publishing on {}", pub.getLastEndpoint());
            while (running) {
                poller.poll(-1); // Woken by a message, a reply or close(), never by a timer.
                queue.drain(event -> publish(pub, event));
                subscriptions.read(pub);
            }
            queue.drain(event -> publish(pub, event));
        } catch (RuntimeException e) {
            LOG.error("event channel failed; events are no longer published", e);
        } finally {
            pub.close();
            poller.close();
            queue.close();
        }
    }

    private void publish(ZMQ.Socket pub, Queued message) {
        queuedBytes.addAndGet(-message.weight());
        pub.sendMore(message.topic());
        pub.send(message.payload(), 0);
        published.incrementAndGet();
        lastSeq = message.seq();
    }

    /** The subscriptions this publisher knows of; for tests that stand in for a subscriber. */
    TopicSubscriptions subscriptions() {
        return subscriptions;
    }

    @Override
    public String getEndpoint() {
        return bound.isDone() && !bound.isCompletedExceptionally() ? bound.join() : endpoint;
    }

    @Override public int getSndHwm() { return sndHwm; }
    @Override public int getQueueCapacity() { return capacity; }
    @Override public int getQueueSize() { return queue.size(); }
    @Override public long getQueueBytes() { return queuedBytes.get(); }
    @Override public long getMaxQueueBytes() { return maxQueueBytes; }
    @Override public long getPublishedEvents() { return published.get(); }
    @Override public long getDroppedEvents() { return dropped.get(); }
    @Override public long getLastPublishedSeq() { return lastSeq; }
    @Override public int getSubscriptions() { return subscriptions.count(); }

    /** Publishes what is queued, then closes the socket. */
    @Override
    public void close() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            queue.close();
            return;
        }
        queue.wake();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
