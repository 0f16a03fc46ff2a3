package io.circus.zmq.control;

import io.circus.protocol.Request;
import io.circus.protocol.Replies;
import io.circus.protocol.CommandHandler;
import io.circus.jmx.audit.AuditTrail;
import io.circus.jmx.audit.Caller;
import io.circus.jmx.audit.CallerContext;
import java.util.function.Supplier;
import io.circus.zmq.auth.PeerDirectory;
import io.circus.protocol.Errno;
import io.circus.protocol.WireJson;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs requests off the control thread. One executor thread takes requests in arrival order and
 * runs the quick ones itself, so that a command sees the effects of every command received before
 * it (an {@code incr} then a {@code numprocesses} read the new target, as with Circus's one event
 * loop). A request the handler calls long (a {@code waiting} operation, which blocks its caller
 * until the work is done, or a /proc walk) gets a virtual thread of its own: it cannot hold up
 * other clients, and its reply goes back whenever it is ready, which Circus clients expect since
 * they match replies by id. Such a request is still started in arrival order (see
 * {@link #awaitHandedOver}).
 *
 * <p>Threading: {@link #submit} and {@link #tryInline} from the control thread only; replies are
 * handed to the sink from the executor thread or the virtual threads. Never touches a ZeroMQ socket.
 */
public final class CommandExecutor implements RequestSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandExecutor.class);
    private static final Object STOP = new Object();
    private static final long HANDOVER_NANOS = Duration.ofMillis(200).toNanos();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final CommandHandler handler;
    private final PeerDirectory peers;
    private final Supplier<AuditTrail> audit;
    private final Consumer<Outgoing> sink;
    private final ThreadFactory offloaded = Thread.ofVirtual().name("circus-zmq-command-", 1).factory();
    private final Thread thread;
    /** Requests submitted whose synchronous part has not finished: inline runs wait for zero. */
    private final AtomicInteger pending = new AtomicInteger();

    /** @param sink receives every finished request, reply or not */
    public CommandExecutor(CommandHandler handler, Consumer<Outgoing> sink) {
        this(handler, sink, new PeerDirectory(), () -> AuditTrail.of(null));
    }

    /**
     * @param peers who is behind each routing identity, for the audit trail
     * @param audit the trail that records requests refused before they reach an MBean
     */
    public CommandExecutor(CommandHandler handler, Consumer<Outgoing> sink, PeerDirectory peers,
                           Supplier<AuditTrail> audit) {
        this.peers = peers;
        this.audit = audit;
        this.handler = handler;
        this.sink = sink;
        this.thread = Thread.ofPlatform().name("circus-zmq-commands").daemon().unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    /** A request queued with where its reply goes. */
    private record Routed(Envelope envelope, Request request) {
    }

    @Override
    public void submit(Envelope envelope, Request request) {
        pending.incrementAndGet();
        queue.add(new Routed(envelope, request));
    }

    /**
     * Only when nothing submitted earlier is still starting, so a read sees every change asked
     * before it, exactly as if it had waited its turn on the executor thread.
     */
    @Override
    public Outgoing tryInline(Envelope envelope, Request request) {
        if (pending.get() != 0 || !handler.readOnly(request)) {
            return null;
        }
        return outcome(envelope, request);
    }

    private void run() {
        while (true) {
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (next == STOP) {
                return;
            }
            Routed routed = (Routed) next;
            Request request = routed.request();
            boolean offload;
            try {
                offload = handler.offload(request);
            } catch (RuntimeException e) {
                offload = false;
            }
            if (offload) {
                Thread t = offloaded.newThread(() -> sink.accept(outcome(routed.envelope(), request)));
                t.start();
                awaitHandedOver(t);
            } else {
                sink.accept(outcome(routed.envelope(), request));
            }
            pending.decrementAndGet();
        }
    }

    /**
     * Keeps arrival order for what follows a waiting command: the next request is not started
     * until the offloaded one has made its MBean call and parked waiting for the outcome (or
     * finished), so a {@code stop} then a {@code start} reach the runtime in that order. Bounded,
     * because a command may also park on something else first; then order is merely likely.
     */
    private static void awaitHandedOver(Thread t) {
        long deadline = System.nanoTime() + HANDOVER_NANOS;
        while (t.isAlive() && System.nanoTime() - deadline < 0) {
            Thread.State state = t.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return;
            }
            LockSupport.parkNanos(10_000);
        }
    }

    private Outgoing outcome(Envelope envelope, Request request) {
        byte[] payload;
        try {
            Caller caller = peers.callerOf(envelope.frames());
            Map<String, Object> reply = CallerContext.get(caller, () -> {
                Map<String, Object> r = handler.handle(request);
                auditRefusal(caller, request, r);
                return r;
            });
            payload = reply == null ? null : WireJson.encode(reply);
        } catch (RuntimeException | Error e) {
            // The handler promises not to throw; if it does anyway the client still gets an answer.
            LOG.error("command {} failed unexpectedly", request.command(), e);
            payload = request.cast() ? null : WireJson.encode(Replies.error(Errno.COMMAND_ERROR,
                    "command " + request.command() + ": " + e, null, request.id()));
        }
        return new Outgoing(envelope, payload);
    }

    /** A command that would change something but was refused before any MBean saw it. */
    private void auditRefusal(Caller caller, Request request, Map<String, Object> reply) {
        if (reply != null && "error".equals(reply.get("status")) && !handler.readOnly(request)) {
            audit.get().recordRefused(caller, "zmq command", request.command() + " " + request.properties(),
                    String.valueOf(reply.get("reason")));
        }
    }

    /** Stops taking requests after those already queued; offloaded ones finish on their own. */
    @Override
    public void close() {
        if (thread.getState() == Thread.State.NEW) {
            return; // never started (a channel before it failed to bind): nothing to stop
        }
        queue.add(STOP);
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
