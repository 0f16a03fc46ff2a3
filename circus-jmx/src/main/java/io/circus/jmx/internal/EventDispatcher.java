package io.circus.jmx.internal;

import io.circus.event.Event;
import io.circus.event.EventListener;
import io.circus.event.EventType;
import io.circus.jmx.NotificationTypes;
import io.circus.jmx.SocketInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves events off the supervisor loop: {@link #onEvent} only queues (it is called on the loop and
 * must never block), and one dispatcher thread registers the beans an event implies, sends the
 * notifications in sequence order, then reconciles the beans with the model.
 *
 * <p>Reconciliation runs after each batch of events and, while events happened in the last few
 * seconds, on every quiet tick: the runtime removes a slot just after publishing its last event, and
 * that removal must not wait for the next event to be seen.
 *
 * <p>When the queue is full an event is dropped (counted in {@link #lost()}), never waited for; its
 * notification is lost but the beans still converge through reconciliation, and the gap shows in the
 * notification sequence numbers.
 */
final class EventDispatcher implements EventListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private static final int CAPACITY = 65_536;
    private static final long TICK_MILLIS = 100;
    private static final long SETTLE_NANOS = Duration.ofSeconds(5).toNanos();
    private static final Object STOP = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong lost = new AtomicLong();
    private final BeanRegistry registry;
    private final Emitter arbiter;
    private final Supplier<List<SocketInfo>> sockets;
    private final Thread thread;
    /** Set once the arbiter has terminated and every bean is gone: nothing is registered again. */
    private boolean retired;
    private long lastActivity;

    EventDispatcher(BeanRegistry registry, Emitter arbiter, Supplier<List<SocketInfo>> sockets) {
        this.registry = registry;
        this.arbiter = arbiter;
        this.sockets = sockets;
        this.thread = Thread.ofPlatform().name("circus-jmx-dispatcher").daemon().unstarted(this::run);
    }

    void start() {
        lastActivity = System.nanoTime();
        thread.start();
    }

    @Override
    public void onEvent(Event event) {
        if (!queue.offer(event)) {
            lost.incrementAndGet();
        }
    }

    long lost() {
        return lost.get();
    }

    /** Runs a task on the dispatcher thread after everything queued so far. */
    void submit(Runnable task) {
        if (!queue.offer(task)) {
            LOG.warn("JMX dispatcher queue full; task dropped");
        }
    }

    /**
     * Waits until the events queued so far are dispatched and the beans reconciled, so that a caller
     * who waited for an operation then sees its beans. Returns early if the dispatcher is gone.
     */
    void flush(Duration timeout) {
        if (Thread.currentThread() == thread || !thread.isAlive()) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        submit(() -> {
            reconcile();
            done.countDown();
        });
        try {
            done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Makes the beans go away for good: the arbiter has terminated. */
    void retire() {
        submit(() -> {
            retired = true;
            registry.unregisterAll();
        });
    }

    /** Delivers what is queued, then stops the thread. */
    void stop(Duration timeout) {
        if (!thread.isAlive()) {
            return;
        }
        try {
            queue.put(STOP);
            thread.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Object> batch = new ArrayList<>();
        while (true) {
            Object first;
            try {
                first = queue.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                if (System.nanoTime() - lastActivity < SETTLE_NANOS) {
                    reconcile();
                }
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch);
            for (Object item : batch) {
                if (item == STOP) {
                    return;
                }
                handle(item);
            }
            reconcile();
            lastActivity = System.nanoTime();
        }
    }

    private void handle(Object item) {
        try {
            if (item instanceof Event event) {
                dispatch(event);
            } else if (item instanceof Runnable task) {
                task.run();
            }
        } catch (RuntimeException e) {
            LOG.warn("JMX: failed to dispatch {}", item, e);
        }
    }

    private void dispatch(Event event) {
        if (retired) {
            return;
        }
        arbiter.send(EventNotifications.of(event, arbiter.name()));
        if (event.watcher() != null) {
            WatcherBean watcher = registry.watcherBean(event.watcher());
            if (watcher != null) {
                watcher.onEvent(event);
            }
            if (NotificationTypes.processLevel(event.type()) && event.wid() != 0) {
                ProcessBean process = registry.processBean(event.watcher(), event.wid());
                if (process != null) {
                    process.onEvent(event);
                }
            }
        }
        if (event.type() == EventType.CONFIG_RELOADED) {
            registry.reconcileSockets(sockets.get());
        }
    }

    private void reconcile() {
        if (retired) {
            return;
        }
        try {
            registry.reconcile();
        } catch (RuntimeException e) {
            LOG.warn("JMX: reconciliation failed", e);
        }
    }
}
