package io.circus.process.linux;

import static io.circus.process.linux.LinuxConstants.EPOLLIN;
import static io.circus.process.linux.LinuxConstants.EPOLLONESHOT;
import static io.circus.process.linux.LinuxConstants.P_PIDFD;
import static io.circus.process.linux.LinuxConstants.WEXITED;
import static io.circus.process.linux.LinuxConstants.WNOHANG;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import io.circus.os.linux.Libc;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reaps orphans the daemon adopted as a child subreaper, each when it exits, without polling.
 *
 * <p>The kernel hands an orphan to the first live thread of the subreaper, the JVM's main (leader)
 * thread, which the {@code java} launcher keeps waiting for the Java main thread and which never
 * spawns anything itself; so {@code /proc/self/task/<pid>/children} lists the adopted orphans and
 * nothing else, however many children the launchers run. A scan reads that one file, skips pids a
 * launcher owns ({@link OwnedPids}), and watches each new orphan's pidfd in the loop; when it
 * becomes readable (the orphan exited) the orphan is reaped with {@code waitid(P_PIDFD, WNOHANG)}
 * after a short grace, so that whoever else might own such a child (a JDK {@code process reaper}
 * thread blocked in {@code waitpid(pid)}) takes it first. No wait-for-any is ever used.
 *
 * <p>When to scan: orphans appear when a process of the tree dies. For a child a launcher owns, the
 * launcher calls {@link #poke} as it reaps it, and its children are watched from a scan 100 ms later
 * (one scan for a whole storm of exits).
 * A deeper descendant's death is invisible without SIGCHLD; a safety-net scan every interval
 * (default 30 s) finds those orphans. Cost per scan: one small file read plus one pidfd per new
 * orphan; nothing per owned child.
 *
 * <p>Threading: {@link #poke} from any thread; everything else on the loop thread of the first loop.
 */
final class OrphanReaper {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanReaper.class);
    /** How long an exited orphan is left to a possible other waiter before it is reaped. */
    private static final long REAP_GRACE_NANOS = 500_000_000L;
    /** How long a poke waits before scanning, so that a storm of exits costs one scan, not one each. */
    private static final long POKE_DELAY_NANOS = 100_000_000L;

    private final EventLoop loop;
    private final long intervalNanos;
    private final Path children = Path.of("/proc/self/task", Long.toString(ProcessHandle.current().pid()), "children");
    private final AtomicBoolean scanPending = new AtomicBoolean();
    /** Orphans whose pidfd is in the loop, by pid. Loop thread only. */
    private final Map<Integer, Watched> watched = new HashMap<>();
    private volatile long reaped;

    private record Watched(int pidfd, long token) {
    }

    OrphanReaper(EventLoop loop, long intervalNanos) {
        this.loop = loop;
        this.intervalNanos = intervalNanos;
    }

    /** Starts the safety-net scans; any thread. */
    void start() {
        loop.execute(() -> loop.schedule(intervalNanos, this::tick));
    }

    /** A child of the daemon ended: its own children, if any, were just adopted. Any thread. */
    void poke() {
        if (scanPending.compareAndSet(false, true)) {
            loop.execute(() -> loop.schedule(POKE_DELAY_NANOS, () -> {
                scanPending.set(false);
                scan();
            }));
        }
    }

    private void tick() {
        scan();
        loop.schedule(intervalNanos, this::tick);
    }

    /** Orphans reaped so far (for tests and status). */
    long reapedCount() {
        return reaped;
    }

    private void scan() {
        String list;
        try {
            list = Files.readString(children);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot list adopted orphans in {}: {}", children, e.toString());
            return;
        }
        for (String word : list.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            int pid;
            try {
                pid = Integer.parseInt(word);
            } catch (NumberFormatException e) {
                continue;
            }
            if (!OwnedPids.contains(pid) && !watched.containsKey(pid)) {
                watch(pid);
            }
        }
    }

    private void watch(int pid) {
        int pidfd = Libc.pidfdOpen(pid);
        if (pidfd < 0) {
            return; // Reaped meanwhile by whoever owns it.
        }
        long token = loop.newToken();
        watched.put(pid, new Watched(pidfd, token));
        try {
            loop.register(pidfd, EPOLLIN | EPOLLONESHOT, token,
                    events -> loop.schedule(REAP_GRACE_NANOS, () -> reap(pid)));
        } catch (IllegalStateException e) {
            watched.remove(pid);
            Libc.close(pidfd);
            LOG.warn("cannot watch adopted orphan {}: {}", pid, e.getMessage());
        }
    }

    private void reap(int pid) {
        Watched w = watched.remove(pid);
        if (w == null) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = arena.allocate(LinuxConstants.SIGINFO_SIZE, 8);
            int r = Libc.waitid(P_PIDFD, w.pidfd(), info, WEXITED | WNOHANG);
            if (r == 0 && info.get(JAVA_INT, LinuxConstants.SI_PID) == pid) {
                reaped++;
                LOG.debug("reaped adopted orphan {}", pid);
            }
        } finally {
            loop.unregister(w.pidfd(), w.token());
            Libc.close(w.pidfd());
        }
    }

    /** Lets go of the pidfds; loop thread, when the loop stops. */
    void close() {
        for (Watched w : watched.values()) {
            loop.unregister(w.pidfd(), w.token());
            Libc.close(w.pidfd());
        }
        watched.clear();
    }
}
