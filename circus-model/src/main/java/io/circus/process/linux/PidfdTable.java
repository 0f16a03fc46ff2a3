package io.circus.process.linux;

import static io.circus.process.linux.LinuxConstants.CLONE_FILES;

import io.circus.os.linux.Libc;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The children's pidfds, kept out of the daemon's descriptor table: one thread unshares its
 * descriptor table ({@code unshare(CLONE_FILES)}) and opens, registers and closes every pidfd in
 * that private table.
 *
 * <p>Why: {@code posix_spawn} copies the daemon's whole descriptor table into each new child, and
 * the child closes every copy again before it execs ({@code closefrom}). With one pidfd per child in
 * the shared table, each spawn therefore cost the new child work proportional to the number of
 * children already running (measured at 10,000: 2.2–2.5 ms of the child's own CPU before exec
 * against 0.6 ms at 1000), which made a respawn storm at N = 10,000 slow. The spawner threads keep
 * the shared table, which now holds only the pipes and sockets.
 *
 * <p>Rules that follow from a private table: a pidfd number is meaningful on this thread only, so
 * nothing else may pass one to a system call. Elsewhere a child is signalled and reaped by pid,
 * which is safe exactly while it is unreaped (a zombie keeps its pid), as {@link LinuxProcess} does.
 * The epoll set is shared (its descriptor was copied by the unshare), so a pidfd registered here is
 * reported to the loop thread under its token; closing it here removes it from the set.
 *
 * <p>The thread runs nothing but these system calls (no logging, no file I/O): a descriptor the
 * JVM opened on it would be missing from the shared table. It runs one of each call before it
 * unshares, so every class it needs is loaded first. Right after the unshare it closes its copies of
 * every pipe and socket: a copy of another spawn's pipe would keep that pipe from ever reaching end
 * of file, a copy of a listening socket would keep its port bound.
 *
 * <p>Where {@code unshare} is refused (a container's seccomp profile may), the thread keeps the
 * shared table and says so once in the log: everything works as before, at the old cost per spawn.
 *
 * <p>{@code RLIMIT_NOFILE} bounds the descriptor numbers of each table on its own, so one private
 * table holds at most the limit minus what it {@linkplain #kept() kept}; {@link PidfdTables} starts
 * another table when every one is full. The table counts the pidfds it holds: a slot is
 * {@linkplain #reserve reserved} before a watch, given back by a failed watch and by {@link #close}.
 * The thread that constructs a table must have the shared table (a spawner thread, never another
 * table's thread): the new thread starts with a copy of its creator's table, epoll sets included.
 *
 * <p>Threading: {@link #watch} blocks its caller (a spawner thread) for one hand-off; {@link #close}
 * and {@link #rearm} return at once. Any thread.
 */
final class PidfdTable implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PidfdTable.class);
    private static final Runnable NOTHING = () -> { };
    private static final String FD_DIR = "/proc/thread-self/fd";

    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final EventLoop[] loops;
    private final CompletableFuture<Integer> unshared = new CompletableFuture<>();
    private final boolean wantPrivate;
    /** Pidfds open in this table, or reserved for a watch under way. */
    private final AtomicInteger held = new AtomicInteger();
    /** Descriptors the table kept after the unshare (the JVM's files, the epoll sets); written before {@code unshared}. */
    private int kept;
    /** At most this many pidfds: lowered when an open failed with EMFILE below the computed capacity. */
    private volatile int ceiling = Integer.MAX_VALUE;
    private volatile boolean closed;

    /** Starts the thread with a private table (or the shared one, where unshare is refused). */
    PidfdTable(String name, EventLoop... loops) {
        this(name, true, loops);
    }

    /**
     * @param wantPrivate false: keep the shared table (the fallback, also for tests)
     */
    PidfdTable(String name, boolean wantPrivate, EventLoop... loops) {
        this.loops = loops.clone();
        this.wantPrivate = wantPrivate;
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::run);
        thread.start();
        int r = unshared.join();
        if (wantPrivate && r < 0) {
            // A container's seccomp profile may refuse unshare. Everything still works with the
            // pidfds in the shared table; only each spawn costs more with many children running.
            LOG.info("children's pidfds stay in the daemon's descriptor table (unshare(CLONE_FILES): {}):"
                    + " each spawn copies them", Libc.strerror(-r));
        }
    }

    /** Whether the pidfds live in a table of their own. */
    boolean isPrivate() {
        return unshared.join() >= 0;
    }

    /**
     * Descriptors other than pidfds this table holds: for a private table, what it kept of the
     * shared table at the unshare (counted right after closing the pipes and sockets, plus the
     * directory listing that counted them); 0 for the shared table, whose descriptors the budget
     * check counts.
     */
    int kept() {
        unshared.join();
        return kept;
    }

    /** Pidfds open or being opened in this table. */
    int held() {
        return held.get();
    }

    /** The most pidfds this table has shown it can hold; unbounded until an open failed with EMFILE. */
    int ceiling() {
        return ceiling;
    }

    /** An open failed with EMFILE: what the table holds now is all it can. */
    void markFull() {
        ceiling = held.get();
    }

    /** Takes a slot for one more pidfd if fewer than {@code capacity} are held. */
    boolean reserve(int capacity) {
        while (true) {
            int now = held.get();
            if (now >= capacity) {
                return false;
            }
            if (held.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /**
     * Opens the pidfd of {@code pid} (an unreaped child) in a slot {@linkplain #reserve reserved}
     * before, tells {@code opened} its number (on this thread, before the handler can run) and adds
     * it to {@code loop} under {@code token}.
     *
     * @return the pidfd's number in the private table, or minus errno (nothing is left open then,
     *         and the slot is free again)
     */
    int watch(int pid, EventLoop loop, int eventMask, long token, IntConsumer opened, EventLoop.Handler handler) {
        int r = -LinuxConstants.EBADF;
        try {
            r = watchOnce(pid, loop, eventMask, token, opened, handler);
            return r;
        } finally {
            if (r < 0) {
                held.decrementAndGet();
            }
        }
    }

    private int watchOnce(int pid, EventLoop loop, int eventMask, long token, IntConsumer opened, EventLoop.Handler handler) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        submit(() -> {
            int pidfd = Libc.pidfdOpen(pid);
            if (pidfd < 0) {
                result.complete(pidfd);
                return;
            }
            try {
                opened.accept(pidfd); // before the handler can run

                loop.registerForeign(pidfd, eventMask, token, handler);
                result.complete(pidfd);
            } catch (EventLoop.RegistrationException e) {
                Libc.close(pidfd);
                result.complete(-e.errno());
            } catch (RuntimeException | Error e) {
                Libc.close(pidfd);
                result.completeExceptionally(e);
            }
        }, result);
        try {
            while (true) {
                try {
                    return result.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    if (!thread.isAlive()) {
                        return -LinuxConstants.EBADF; // closed meanwhile: nothing will run it
                    }
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while watching pid " + pid, e);
        }
    }

    /** Re-arms a one-shot pidfd registration (its readiness was not an exit after all). */
    void rearm(EventLoop loop, int pidfd, int eventMask, long token) {
        submit(() -> loop.rearm(pidfd, eventMask, token), null);
    }

    /** Closes a pidfd of the private table, which also takes it out of the epoll set, and frees its slot. */
    void close(int pidfd) {
        held.decrementAndGet();
        submit(() -> Libc.close(pidfd), null);
    }

    private void submit(Runnable task, CompletableFuture<Integer> onRefused) {
        if (closed) {
            if (onRefused != null) {
                onRefused.completeExceptionally(new IllegalStateException("launcher closed"));
            }
            return;
        }
        tasks.add(task);
    }

    private void run() {
        warmUp();
        int r = wantPrivate ? Libc.unshare(CLONE_FILES) : -LinuxConstants.EPERM;
        if (r >= 0) {
            closeInherited(); // never on the shared table: it would close the daemon's own pipes
            kept = inherited().length;
        }
        unshared.complete(r);
        while (!closed) {
            Runnable task;
            try {
                task = tasks.take();
            } catch (InterruptedException e) {
                continue; // nobody interrupts this thread; close() sends a task
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // Nothing to report to: a watch completes its own future; a close cannot fail usefully.
            }
        }
        // Ending the thread releases its table: every pidfd still open is closed with it.
    }

    /** One of each call, on the still shared table: loads what the thread needs later. */
    private void warmUp() {
        int self = Libc.pidfdOpen(Libc.getpid());
        if (self >= 0 && loops.length > 0) {
            long token = loops[0].newToken();
            try {
                loops[0].registerForeign(self, LinuxConstants.EPOLLIN | LinuxConstants.EPOLLONESHOT, token, events -> { });
                loops[0].rearm(self, LinuxConstants.EPOLLIN | LinuxConstants.EPOLLONESHOT, token);
            } catch (EventLoop.RegistrationException e) {
                // only the class loading mattered
            }
            loops[0].forget(token);
        }
        if (self >= 0) {
            Libc.close(self);
        }
        try {
            for (int fd : inherited()) {
                Files.readSymbolicLink(Path.of(FD_DIR, Integer.toString(fd)));
            }
        } catch (IOException | RuntimeException e) {
            // only the class loading mattered
        }
        new CompletableFuture<Integer>().complete(0);
        // Loaded, not thrown: a failed registration later must not need the jars.
        new EventLoop.RegistrationException("warm-up", 0).errno();
    }

    /**
     * Closes this table's copies of pipes and sockets. Files stay: the JVM reads its class image
     * ({@code lib/modules}) and jars through descriptors it opened at start, also on this thread
     * (closing them crashes the JVM on its next class load here).
     */
    private void closeInherited() {
        for (int fd : inherited()) {
            try {
                String target = Files.readSymbolicLink(Path.of(FD_DIR, Integer.toString(fd))).toString();
                if (target.startsWith("pipe:") || target.startsWith("socket:")) {
                    Libc.close(fd);
                }
            } catch (IOException | RuntimeException e) {
                // gone already
            }
        }
    }

    private static int[] inherited() {
        String[] names = new File(FD_DIR).list();
        if (names == null) {
            return new int[0];
        }
        return Arrays.stream(names).mapToInt(Integer::parseInt).toArray();
    }

    /** Stops the thread; its table, with the pidfds still in it, goes with it. */
    @Override
    public void close() {
        closed = true;
        tasks.add(NOTHING);
    }
}
