package io.circus.zmq.control;

import io.circus.protocol.Replies;
import io.circus.zmq.ControlChannelMXBean;
import io.circus.zmq.auth.PeerDirectory;
import io.circus.zmq.internal.Binding;
import io.circus.zmq.internal.Mailbox;
import io.circus.protocol.WireJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The control channel: a ROUTER bound on {@code [circus] endpoint}, owned by one thread that only
 * moves bytes. It receives requests, decodes them ({@link RequestDecoder}; undecodable ones are
 * answered at once), hands them to the command layer, and sends the replies that come back through
 * a {@link Mailbox}. It runs no command that changes or waits for anything, so a slow or waiting
 * one cannot stall the channel; only attribute reads may be answered on the spot
 * ({@link RequestSink#tryInline}).
 *
 * <p>Threading: the ROUTER is created, used and closed on the {@code circus-zmq-control} thread only.
 * The reply mailbox is posted to from any thread; the counters are readable anywhere. Stopping sets
 * a flag and wakes the thread through the mailbox; the thread is never interrupted.
 */
public final class ControlChannel implements ControlChannelMXBean, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlChannel.class);
    /** Messages taken per wake-up before replies are sent again, so neither direction starves. */
    private static final int BATCH = 256;
    /**
     * Requests queued per client before ZeroMQ stops reading that client's connection (TCP
     * back-pressure then slows the client down): a flood holds at most this many of its messages
     * in the daemon, so at most 16 times the hard limit (64 MiB) for one client sending the largest. Replies keep ZeroMQ's default (1000 per client), so a client that pipelines
     * requests still gets every answer.
     */
    static final int PEER_RCVHWM = 16;
    /** How long closing may wait for replies still on the wire (quit with waiting). */
    private static final int FLUSH_LINGER_MILLIS = 500;

    private final ZContext context;
    private final String endpoint;
    private final RequestDecoder decoder;
    private final RequestSink sink;
    private final long hardLimitBytes;
    private final Duration closeGrace;
    private final Mailbox<Outgoing> replies;
    private final CompletableFuture<String> bound = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Consumer<ZMQ.Socket> beforeBind = socket -> { };
    private volatile Consumer<String> afterBind = endpoint -> { };
    private volatile PeerDirectory peers = new PeerDirectory();

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * @param maxRequestBytes larger requests get an error reply; 4 times that (at least 4 MiB) is
     *                        the ZMQ_MAXMSGSIZE past which ZeroMQ drops the sender's connection
     * @param sink            receives every accepted request, on the control thread
     * @param replies         where requests answered elsewhere come back; this channel owns and closes it
     * @param closeGrace      how long {@link #close} waits for requests still running to answer
     */
    public ControlChannel(ZContext context, String endpoint, int maxRequestBytes, RequestSink sink,
                          Mailbox<Outgoing> replies, Duration closeGrace) {
        this.context = context;
        this.endpoint = endpoint;
        this.decoder = new RequestDecoder(maxRequestBytes);
        this.sink = sink;
        this.replies = replies;
        this.hardLimitBytes = hardLimit(maxRequestBytes);
        this.closeGrace = closeGrace;
        this.thread = Thread.ofPlatform().name("circus-zmq-control").daemon().unstarted(this::run);
    }

    /**
     * Security set-up (docs/security.md): {@code before} runs on the control thread before the bind,
     * {@code after} with the endpoint bound. Call before {@link #start}.
     */
    public void guard(Consumer<ZMQ.Socket> before, Consumer<String> after, PeerDirectory directory) {
        this.beforeBind = before;
        this.afterBind = after.andThen(directory::bound);
        this.peers = directory;
    }

    /**
     * Binds and starts serving.
     *
     * @return the endpoint actually bound (a {@code *} port resolved)
     * @throws IllegalStateException when the endpoint cannot be bound
     */
    public String start() {
        thread.start();
        try {
            return bound.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("[circus] endpoint = '" + endpoint + "': cannot bind: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("control endpoint " + endpoint + " not bound: " + e);
        }
    }

    /**
     * ZMQ_MAXMSGSIZE: larger messages are dropped while being received, unread, with the sender's
     * connection. Answering a message means holding it whole, so this, times {@link #PEER_RCVHWM},
     * is what one client can make the daemon hold.
     */
    static long hardLimit(int maxRequestBytes) {
        return Math.max(4L << 20, 4L * maxRequestBytes);
    }

    @Override
    public String getEndpoint() {
        return bound.isDone() && !bound.isCompletedExceptionally() ? bound.join() : endpoint;
    }

    @Override
    public long getRequestsReceived() {
        return received.get();
    }

    @Override
    public long getRequestsRejected() {
        return rejected.get();
    }

    @Override
    public long getRepliesSent() {
        return sent.get();
    }

    @Override
    public int getRequestsInFlight() {
        return inFlight.get();
    }

    @Override
    public int getMaxRequestBytes() {
        return decoder.maxRequestBytes();
    }

    private void run() {
        ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
        try {
            router.setLinger(0);
            router.setMaxMsgSize(hardLimitBytes);
            router.setRcvHWM(PEER_RCVHWM);
            // On the heap, where the heap cap bounds them and GC frees them; JeroMQ would put large
            // messages in direct buffers, freed only when a GC happens to run, up to another heap's worth.
            router.setMsgAllocationHeapThreshold(Integer.MAX_VALUE);
            beforeBind.accept(router);
            router.bind(endpoint);
            afterBind.accept(router.getLastEndpoint());
        } catch (RuntimeException e) {
            router.close();
            replies.close();
            bound.completeExceptionally(Binding.failure(e));
            return;
        }
        ZMQ.Poller poller = context.createPoller(2);
        try {
            poller.register(router, ZMQ.Poller.POLLIN);
            poller.register(replies.wakeupChannel(), ZMQ.Poller.POLLIN);
            bound.complete(router.getLastEndpoint());
            LOG.info("control channel listening on {}", router.getLastEndpoint());
            serve(router, poller);
            flush(router, poller);
        } catch (RuntimeException e) {
            LOG.error("control channel failed; it no longer answers", e);
        } finally {
            // A bounded linger lets the very last replies (quit with waiting) reach their clients.
            router.setLinger(FLUSH_LINGER_MILLIS);
            router.close();
            poller.close();
            replies.close();
        }
    }

    private void serve(ZMQ.Socket router, ZMQ.Poller poller) {
        while (running) {
            poller.poll(-1); // Woken by a message, a reply or close(), never by a timer.
            replies.drain(out -> send(router, out));
            for (int i = 0; i < BATCH && running; i++) {
                List<byte[]> frames = receive(router);
                if (frames == null) {
                    break;
                }
                accept(router, frames);
            }
        }
    }

    /** Sends what requests still running produce within the grace period, then stops. */
    private void flush(ZMQ.Socket router, ZMQ.Poller poller) {
        long deadline = System.nanoTime() + closeGrace.toNanos();
        replies.drain(out -> send(router, out));
        while (inFlight.get() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                LOG.info("control channel closed with {} request(s) unanswered", inFlight.get());
                return;
            }
            poller.poll(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            replies.drain(out -> send(router, out));
        }
    }

    private List<byte[]> receive(ZMQ.Socket router) {
        zmq.Msg first = router.recvMsg(ZMQ.DONTWAIT);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>(3);
        frames.add(first.data());
        zmq.io.Metadata metadata = first.getMetadata();
        while (router.hasReceiveMore()) {
            zmq.Msg m = router.recvMsg(0);
            frames.add(m.data());
            metadata = metadata != null ? metadata : m.getMetadata();
        }
        peers.note(frames.getFirst(), metadata);
        return frames;
    }

    private void accept(ZMQ.Socket router, List<byte[]> frames) {
        received.incrementAndGet();
        if (frames.size() < 2) {
            return;
        }
        switch (decoder.decode(frames)) {
            case RequestDecoder.Accepted a -> {
                Outgoing now = sink.tryInline(a.envelope(), a.request());
                if (now == null) {
                    inFlight.incrementAndGet();
                    sink.submit(a.envelope(), a.request());
                } else if (now.payload() != null) {
                    write(router, now.envelope(), now.payload());
                }
            }
            case RequestDecoder.Rejected r -> {
                rejected.incrementAndGet();
                if (r.reply() != null) {
                    write(router, r.envelope(), WireJson.encode(r.reply()));
                }
            }
        }
    }

    private void send(ZMQ.Socket router, Outgoing out) {
        inFlight.decrementAndGet();
        if (out.payload() != null) {
            write(router, out.envelope(), out.payload());
        }
    }

    private void write(ZMQ.Socket router, Envelope envelope, byte[] payload) {
        // A ROUTER drops a reply to a peer that has gone, silently, as Circus's does.
        for (byte[] frame : envelope.frames()) {
            router.sendMore(frame);
        }
        router.send(payload, 0);
        sent.incrementAndGet();
    }

    /** Stops reading requests, answers those still running within the grace period, closes. */
    @Override
    public void close() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            replies.close();
            return;
        }
        replies.wake();
        try {
            thread.join(closeGrace.plusSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
