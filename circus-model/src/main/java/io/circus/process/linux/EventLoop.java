package io.circus.process.linux;

import static io.circus.process.linux.LinuxConstants.EFD_CLOEXEC;
import static io.circus.process.linux.LinuxConstants.EFD_NONBLOCK;
import static io.circus.process.linux.LinuxConstants.EINTR;
import static io.circus.process.linux.LinuxConstants.EPOLLIN;
import static io.circus.process.linux.LinuxConstants.EPOLL_CLOEXEC;
import static io.circus.process.linux.LinuxConstants.EPOLL_CTL_ADD;
import static io.circus.process.linux.LinuxConstants.EPOLL_CTL_DEL;
import static io.circus.process.linux.LinuxConstants.EPOLL_CTL_MOD;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.circus.os.linux.Libc;
import io.circus.time.Ticker;
import io.circus.time.TimerQueue;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One platform thread over one epoll set: pipes, pidfds and watched sockets of many children.
 *
 * <p>Threading: {@link #register}, {@link #unregister}, {@link #execute} and {@link #close} may be
 * called from any thread ({@code epoll_ctl} is thread-safe and handlers live in a concurrent map).
 * Handlers, tasks and timers run on the loop thread, one at a time, and must not block. Timers and
 * the read buffer are confined to the loop thread.
 *
 * <p>Registrations are keyed by a fresh token, never by descriptor number, so an event still queued
 * for a descriptor that was just closed cannot reach the handler of a new descriptor that reuses
 * the number.
 *
 * <p>If {@code epoll_wait} fails with anything but EINTR (it should not: only a broken epoll set or
 * memory does that), the loop does not stop, which would abandon its children unwatched: it reports
 * the failure through {@code onFailure} and carries on with {@code poll(2)} over the same
 * registrations, so exits are still reaped and output still read while the supervisor stops
 * everything in order.
 */
final class EventLoop implements AutoCloseable {

    /** Called on the loop thread with the epoll event bits. */
    interface Handler {
        void onEvents(int events);
    }

    static final int READ_BUFFER_SIZE = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);
    private static final int MAX_EVENTS = 256;
    /** Longest single wait of the poll(2) fallback, so timers and closing are noticed. */
    private static final int POLL_SLICE_MILLIS = 100;
    private static final long WAKE_TOKEN = 0;
    private static final boolean PACKED = System.getProperty("os.arch").equals("amd64")
            || System.getProperty("os.arch").equals("x86_64");
    /** struct epoll_event is packed (12 bytes) on x86-64 only; elsewhere data is 8-aligned. */
    private static final long EVENT_SIZE = PACKED ? 12 : 16;
    private static final long DATA_OFFSET = PACKED ? 4 : 8;

    private final Arena arena = Arena.ofShared();
    private final int epfd;
    private final int wakeFd;
    private final MemorySegment events;
    private final MemorySegment readBuffer;
    private final MemorySegment wakeBuffer;
    private final MemorySegment siginfo;
    /**
     * A registered descriptor, kept with its handler for the poll(2) fallback. A foreign one lives in
     * another thread's descriptor table ({@link PidfdTable}): its number means nothing here.
     */
    private record Registration(int fd, int events, Handler handler, boolean foreign) {
    }

    private final ConcurrentHashMap<Long, Registration> handlers = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong(WAKE_TOKEN);
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** The daemon's one timer queue kind, on System.nanoTime; loop thread only. */
    private final TimerQueue timers = new TimerQueue(Ticker.SYSTEM);
    private final Thread thread;
    private final Runnable onStopped;
    private final Consumer<String> onFailure;
    /** Test seam: the next epoll_wait returns minus this errno instead of waiting. */
    private final AtomicInteger injectedWaitErrno = new AtomicInteger();
    /** Set once epoll_wait failed: the loop polls instead. Loop thread only. */
    private boolean degraded;
    /** Guards the descriptor numbers against use after the loop closed them (they could be reused). */
    private final ReadWriteLock fdLock = new ReentrantReadWriteLock();
    private boolean stopped;
    private volatile boolean closing;

    /**
     * Creates the epoll set and starts the thread.
     *
     * @param onStopped runs on the loop thread after the last iteration, before descriptors close
     * @param onFailure runs once on the loop thread, with the reason, when epoll_wait failed and the
     *                  loop fell back to poll(2)
     */
    EventLoop(String name, Runnable onStopped, Consumer<String> onFailure) {
        this.onStopped = onStopped;
        this.onFailure = onFailure;
        int ep = Libc.epollCreate1(EPOLL_CLOEXEC);
        if (ep < 0) {
            throw new IllegalStateException("epoll_create1: " + Libc.strerror(-ep));
        }
        int wake = Libc.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        if (wake < 0) {
            Libc.close(ep);
            throw new IllegalStateException("eventfd: " + Libc.strerror(-wake));
        }
        this.epfd = ep;
        this.wakeFd = wake;
        this.events = arena.allocate(EVENT_SIZE * MAX_EVENTS, 8);
        this.readBuffer = arena.allocate(READ_BUFFER_SIZE, 8);
        this.wakeBuffer = arena.allocate(JAVA_LONG);
        this.siginfo = arena.allocate(LinuxConstants.SIGINFO_SIZE, 8);
        ctl(EPOLL_CTL_ADD, wakeFd, EPOLLIN, WAKE_TOKEN);
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::run);
        thread.start();
    }

    /** The epoll descriptor, which {@link PidfdTable} keeps in its private table. */
    int epollFd() {
        return epfd;
    }

    /** A fresh registration token, taken before {@link #register} so the handler knows it first. */
    long newToken() {
        return tokens.incrementAndGet();
    }

    /** Adds a descriptor under a token from {@link #newToken}. Level-triggered unless events say otherwise. */
    void register(int fd, int eventMask, long token, Handler handler) {
        add(fd, eventMask, token, handler, false);
    }

    /**
     * Adds a descriptor of the calling thread's own descriptor table ({@link PidfdTable}): call it on
     * that thread. It leaves the set when that table closes it; {@link #forget} drops its handler.
     * The poll(2) fallback cannot poll it, so it calls its handler on every pass instead.
     */
    void registerForeign(int fd, int eventMask, long token, Handler handler) {
        add(fd, eventMask, token, handler, true);
    }

    /** Re-arms a one-shot registration; on the thread whose table holds {@code fd}. */
    int rearm(int fd, int eventMask, long token) {
        return ctl(EPOLL_CTL_MOD, fd, eventMask, token);
    }

    /** Drops the handler of a foreign registration; its table closes the descriptor. Any thread. */
    void forget(long token) {
        handlers.remove(token);
    }

    private void add(int fd, int eventMask, long token, Handler handler, boolean foreign) {
        handlers.put(token, new Registration(fd, eventMask, handler, foreign));
        int r = ctl(EPOLL_CTL_ADD, fd, eventMask, token);
        if (r < 0) {
            handlers.remove(token);
            throw new RegistrationException("epoll_ctl(ADD, " + fd + "): " + Libc.strerror(-r), -r);
        }
    }

    /** A descriptor could not be added to the epoll set; carries the errno. */
    static final class RegistrationException extends IllegalStateException {
        private final int errno;

        RegistrationException(String message, int errno) {
            super(message);
            this.errno = errno;
        }

        int errno() {
            return errno;
        }
    }

    /** Removes a descriptor; call before closing it (a dup held by a child would keep it in the set). */
    void unregister(int fd, long token) {
        handlers.remove(token);
        ctl(EPOLL_CTL_DEL, fd, 0, token);
    }

    private int ctl(int op, int fd, int eventMask, long token) {
        fdLock.readLock().lock();
        try (Arena scratch = Arena.ofConfined()) {
            if (stopped) {
                return -LinuxConstants.EBADF;
            }
            MemorySegment ev = scratch.allocate(EVENT_SIZE, 8);
            ev.set(JAVA_INT, 0, eventMask);
            ev.set(JAVA_LONG_UNALIGNED, DATA_OFFSET, token);
            return Libc.epollCtl(epfd, op, fd, ev);
        } finally {
            fdLock.readLock().unlock();
        }
    }

    /** Runs a task on the loop thread soon. */
    void execute(Runnable task) {
        tasks.add(task);
        wake();
    }

    private void wake() {
        fdLock.readLock().lock();
        try (Arena scratch = Arena.ofConfined()) {
            if (stopped) {
                return;
            }
            MemorySegment one = scratch.allocate(JAVA_LONG);
            one.set(JAVA_LONG, 0, 1L);
            Libc.write(wakeFd, one, 8);
        } finally {
            fdLock.readLock().unlock();
        }
    }

    /** Loop thread only; cancel the timer from the loop thread too. */
    TimerQueue.Timer schedule(long delayNanos, Runnable action) {
        return timers.schedule(delayNanos, action);
    }

    /** The loop's read buffer; loop thread only, valid until the handler returns. */
    MemorySegment readBuffer() {
        return readBuffer;
    }

    /**
     * A {@code siginfo_t} for the loop's {@code waitid} calls; loop thread only, valid until the
     * handler returns. (An arena per reap was a third of the reaping thread's garbage.)
     */
    MemorySegment siginfo() {
        return siginfo;
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    private void run() {
        try {
            while (!closing) {
                runTasks();
                int n = degraded ? pollRegistrations() : waitEpoll();
                if (n < 0) {
                    if (n != -EINTR) {
                        fallBack(n);
                    }
                    continue;
                }
                if (!degraded) {
                    for (int i = 0; i < n; i++) {
                        dispatch(events.get(JAVA_INT, i * EVENT_SIZE),
                                events.get(JAVA_LONG_UNALIGNED, i * EVENT_SIZE + DATA_OFFSET));
                    }
                }
                runTimers();
            }
        } finally {
            try {
                onStopped.run();
            } catch (Throwable t) {
                LOG.error("event loop cleanup failed", t);
            }
            fdLock.writeLock().lock();
            try {
                stopped = true;
                Libc.close(wakeFd);
                Libc.close(epfd);
            } finally {
                fdLock.writeLock().unlock();
            }
            arena.close();
        }
    }

    private int waitEpoll() {
        int injected = injectedWaitErrno.getAndSet(0);
        if (injected != 0) {
            return -injected;
        }
        return Libc.epollWait(epfd, events, MAX_EVENTS, timeoutMillis());
    }

    private void fallBack(int error) {
        degraded = true;
        String reason = "epoll_wait failed: " + Libc.strerror(-error);
        LOG.error("{} on {}; falling back to poll(2) so its children stay watched", reason, thread.getName());
        try {
            onFailure.accept(reason);
        } catch (Throwable t) {
            LOG.error("event loop failure handler failed", t);
        }
    }

    /** The poll(2) fallback: one pass over every registration, dispatching what is ready. */
    private int pollRegistrations() {
        List<Map.Entry<Long, Registration>> regs = new ArrayList<>(handlers.size());
        List<Long> foreign = new ArrayList<>();
        for (Map.Entry<Long, Registration> e : handlers.entrySet()) {
            if (e.getValue().foreign()) {
                foreign.add(e.getKey());
            } else {
                regs.add(e);
            }
        }
        int next = timeoutMillis();
        // Bounded, so a descriptor registered meanwhile from another thread joins the set soon.
        int timeout = next < 0 ? POLL_SLICE_MILLIS : Math.min(next, POLL_SLICE_MILLIS);
        try (Arena scratch = Arena.ofConfined()) {
            // The wake descriptor first, so execute() still interrupts the wait.
            MemorySegment fds = scratch.allocate(LinuxConstants.POLLFD_SIZE * (regs.size() + 1L), 8);
            fds.set(JAVA_INT, 0, wakeFd);
            fds.set(JAVA_SHORT, 4, LinuxConstants.POLLIN);
            for (int i = 0; i < regs.size(); i++) {
                long at = LinuxConstants.POLLFD_SIZE * (i + 1L);
                fds.set(JAVA_INT, at, regs.get(i).getValue().fd());
                fds.set(JAVA_SHORT, at + 4,
                        (short) (regs.get(i).getValue().events() & 0xffff));
            }
            int n = Libc.poll(fds, regs.size() + 1L, timeout);
            // Their handlers check cheaply whether anything happened (a pidfd: waitid WNOWAIT).
            foreign.forEach(token -> dispatch(EPOLLIN, token));
            if (n <= 0) {
                return n == -EINTR ? 0 : Math.max(n, 0);
            }
            if (fds.get(JAVA_SHORT, 6) != 0) {
                dispatch(EPOLLIN, WAKE_TOKEN);
            }
            for (int i = 0; i < regs.size(); i++) {
                short revents = fds.get(JAVA_SHORT, LinuxConstants.POLLFD_SIZE * (i + 1L) + 6);
                if (revents != 0) {
                    dispatch(revents & 0xffff, regs.get(i).getKey());
                }
            }
            return n;
        }
    }

    /** Whether epoll_wait failed and the loop polls instead (for status and tests). */
    boolean degraded() {
        return degraded;
    }

    /** Test seam: makes the next epoll_wait fail with {@code errno}. */
    void failNextWait(int errno) {
        injectedWaitErrno.set(errno);
        wake();
    }

    private void dispatch(int eventBits, long token) {
        if (token == WAKE_TOKEN) {
            while (Libc.read(wakeFd, wakeBuffer, 8) == 8) {
                // The counter is reset by one read; loop only in case of EINTR-free spurious readiness.
            }
            return;
        }
        Registration r = handlers.get(token);
        if (r == null) {
            return;
        }
        try {
            r.handler().onEvents(eventBits);
        } catch (Throwable t) {
            LOG.error("event handler failed", t);
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (Throwable t) {
                LOG.error("event loop task failed", t);
            }
        }
    }

    private void runTimers() {
        long now = System.nanoTime();
        Runnable due;
        while ((due = timers.pollDue(now)) != null) {
            try {
                due.run();
            } catch (Throwable e) {
                LOG.error("event loop timer failed", e);
            }
        }
    }

    private int timeoutMillis() {
        long remaining = timers.nanosToNext(System.nanoTime());
        if (remaining == Long.MAX_VALUE) {
            return -1;
        }
        if (remaining <= 0) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, (remaining + 999_999) / 1_000_000);
    }

    /** Stops the thread and waits for it (unless called from the loop itself). */
    @Override
    public void close() {
        closing = true;
        if (inLoop()) {
            return;
        }
        wake();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
