package io.circus.jmx.internal;

import io.circus.event.Event;
import io.circus.event.EventListener;
import io.circus.event.EventType;
import io.circus.jmx.NotificationTypes;
import io.circus.jmx.SocketInfo;
import io.circus.runtime.SupervisedProcess;
import io.circus.runtime.TopologyListener;
import io.circus.runtime.Watcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves events and topology changes off the supervisor loop: {@link #onEvent} and the {@link
 * TopologyListener} methods only queue (they are called on the loop and must never block), and one
 * dispatcher thread, blocked on the queue while nothing happens, registers or unregisters the one
 * bean a change names and sends the notifications in sequence order. Handling one event or change
 * never walks the other processes: the runtime says which slot came or went.
 *
 * <p>When the queue is full an event is dropped (counted in {@link #lost()}), never waited for; its
 * notification is lost and the gap shows in the notification sequence numbers. A dropped topology
 * change makes the dispatcher reconcile every bean with the model once it has caught up, the only
 * whole-model walk besides the first one.
 */
final class EventDispatcher implements EventListener, TopologyListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private static final int CAPACITY = 65_536;
    private static final Object STOP = new Object();

    /** A topology change as queued. */
    private record Change(boolean added, Watcher watcher, SupervisedProcess slot) {
    }

    /** Linked, not an array: an array of the bound would hold 256 KiB of heap from the start, at rest. */
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final AtomicLong lost = new AtomicLong();
    private final BeanRegistry registry;
    private final Emitter arbiter;
    private final Supplier<List<SocketInfo>> sockets;
    private final Thread thread;
    /** Set when a topology change could not be queued: the beans must be reconciled. */
    private volatile boolean overflowed;
    /** Set once the arbiter has terminated and every bean is gone: nothing is registered again. */
    private boolean retired;

    EventDispatcher(BeanRegistry registry, Emitter arbiter, Supplier<List<SocketInfo>> sockets) {
        this.registry = registry;
        this.arbiter = arbiter;
        this.sockets = sockets;
        this.thread = Thread.ofPlatform().name("circus-jmx-dispatcher").daemon().unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    @Override
    public void onEvent(Event event) {
        if (!queue.offer(event)) {
            lost.incrementAndGet();
        }
    }

    @Override
    public void watcherAdded(Watcher watcher) {
        change(new Change(true, watcher, null));
    }

    @Override
    public void watcherRemoved(Watcher watcher) {
        change(new Change(false, watcher, null));
    }

    @Override
    public void slotAdded(Watcher watcher, SupervisedProcess slot) {
        change(new Change(true, watcher, slot));
    }

    @Override
    public void slotRemoved(Watcher watcher, SupervisedProcess slot) {
        change(new Change(false, watcher, slot));
    }

    private void change(Change change) {
        if (!queue.offer(change)) {
            overflowed = true;
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
     * Waits until the events and changes queued so far are handled, so that a caller who waited for
     * an operation then sees its beans. Returns early if the dispatcher is gone.
     */
    void flush(Duration timeout) {
        if (Thread.currentThread() == thread || !thread.isAlive()) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        submit(done::countDown);
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
                first = queue.take();
            } catch (InterruptedException e) {
                return;
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
            if (overflowed) {
                overflowed = false;
                reconcile();
            }
        }
    }

    private void handle(Object item) {
        try {
            if (item instanceof Event event) {
                dispatch(event);
            } else if (item instanceof Change change) {
                apply(change);
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
        EventNotifications.Content content = new EventNotifications.Content(event);
        arbiter.send(EventNotifications.of(content, arbiter.name()));
        if (event.watcher() != null) {
            WatcherBean watcher = registry.watcherBean(event.watcher());
            if (watcher != null) {
                watcher.onEvent(content);
            }
            if (NotificationTypes.processLevel(event.type()) && event.wid() != 0) {
                ProcessBean process = registry.processBean(event.watcher(), event.wid());
                if (process != null) {
                    process.onEvent(content);
                }
            }
        }
        if (event.type() == EventType.CONFIG_RELOADED) {
            registry.reconcileSockets(sockets.get());
        }
    }

    private void apply(Change change) {
        if (retired) {
            return;
        }
        if (change.slot() == null) {
            if (change.added()) {
                registry.watcherAdded(change.watcher());
            } else {
                registry.watcherRemoved(change.watcher());
            }
        } else if (change.added()) {
            registry.slotAdded(change.watcher(), change.slot());
        } else {
            registry.slotRemoved(change.watcher(), change.slot());
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
