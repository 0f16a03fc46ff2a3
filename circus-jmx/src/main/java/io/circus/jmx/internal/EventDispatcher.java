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
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p>The loop's events and changes are kept in a run and handed to the queue as one batch when the
 * loop runs out of work ({@link #handOff}) or the run reaches {@value #RUN_LIMIT}: the dispatcher
 * thread is then woken once per run, not once per event (during a stop of 10,000 it was woken some
 * 8,000 times). Anything queued from another thread ({@link #submit}, {@link #flush}) hands the run
 * off first, so it is handled after every event published before it.
 *
 * <p>When the queue holds {@value #CAPACITY} items a run is dropped (its events counted in {@link
 * #lost()}), never waited for; their notifications are lost and the gap shows in the notification
 * sequence numbers. A dropped topology change makes the dispatcher reconcile every bean with the model
 * once it has caught up, the only whole-model walk besides the first one.
 */
final class EventDispatcher implements EventListener, TopologyListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private static final int CAPACITY = 65_536;
    private static final int RUN_LIMIT = 256;
    private static final Object STOP = new Object();

    /** A topology change as queued. */
    private record Change(boolean added, Watcher watcher, SupervisedProcess slot) {
    }

    /**
     * Runs (lists of events and changes), tasks and {@link #STOP}. Linked, not an array: an array of
     * the bound would hold 256 KiB of heap from the start, at rest. Bounded by {@link #queued}.
     */
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    /** Events and changes in {@link #queue}'s runs. */
    private final AtomicInteger queued = new AtomicInteger();
    /** Guards {@link #run} and orders hand-offs with the tasks queued after them. */
    private final Object handOffLock = new Object();
    private List<Object> run = new ArrayList<>();
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
        keep(event);
    }

    /** Hands the current run to the dispatcher thread; called by the loop when it runs out of work. */
    @Override
    public void handOff() {
        synchronized (handOffLock) {
            handOffRun();
        }
    }

    @Override
    public void watcherAdded(Watcher watcher) {
        keep(new Change(true, watcher, null));
    }

    @Override
    public void watcherRemoved(Watcher watcher) {
        keep(new Change(false, watcher, null));
    }

    @Override
    public void slotAdded(Watcher watcher, SupervisedProcess slot) {
        keep(new Change(true, watcher, slot));
    }

    @Override
    public void slotRemoved(Watcher watcher, SupervisedProcess slot) {
        keep(new Change(false, watcher, slot));
    }

    private void keep(Object item) {
        synchronized (handOffLock) {
            run.add(item);
            if (run.size() >= RUN_LIMIT) {
                handOffRun();
            }
        }
    }

    /** Under {@link #handOffLock}. */
    private void handOffRun() {
        if (run.isEmpty()) {
            return;
        }
        List<Object> batch = run;
        run = new ArrayList<>();
        if (queued.addAndGet(batch.size()) > CAPACITY) {
            queued.addAndGet(-batch.size());
            for (Object item : batch) {
                if (item instanceof Change) {
                    overflowed = true;
                } else {
                    lost.incrementAndGet();
                }
            }
            return;
        }
        queue.add(batch);
    }

    long lost() {
        return lost.get();
    }

    /** Runs a task on the dispatcher thread after everything published or queued so far. */
    void submit(Runnable task) {
        after(task);
    }

    /** Queues {@code item} (a task or {@link #STOP}) behind the current run. */
    private void after(Object item) {
        synchronized (handOffLock) {
            handOffRun();
            queue.add(item);
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
        after(STOP);
        try {
            thread.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Object> taken = new ArrayList<>();
        while (true) {
            Object first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            taken.clear();
            taken.add(first);
            queue.drainTo(taken);
            for (Object item : taken) {
                if (item == STOP) {
                    return;
                }
                if (item instanceof List<?> batch) {
                    batch.forEach(this::handle);
                    queued.addAndGet(-batch.size());
                } else {
                    handle(item);
                }
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
        if (arbiter.listened()) {
            arbiter.send(EventNotifications.of(content, arbiter.name()));
        }
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
