package io.circus.process.linux;

import static io.circus.process.linux.LinuxConstants.P_PID;
import static io.circus.process.linux.LinuxConstants.WEXITED;
import static io.circus.process.linux.LinuxConstants.WNOHANG;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reaps orphans the daemon adopted as a child subreaper, one pid at a time.
 *
 * <p>There is no SIGCHLD for Java code and a wait-for-any-child ({@code waitid(P_ALL)},
 * {@code waitpid(-1)}) would steal the exit status of the JDK's own children (ProcessBuilder then
 * reports 0; spawn-probe §5.6). So every interval the reaper lists the daemon's children from
 * {@code /proc/self/task/<tid>/children}, skips those a launcher spawned ({@link OwnedPids}), and
 * reaps with {@code waitid(P_PID, pid, WEXITED|WNOHANG)} only a child that has been a zombie for at
 * least one whole interval. Whoever else could own a child of the JVM, in practice the JDK's
 * {@code process reaper} threads, is blocked in {@code waitpid(pid)} and reaps within microseconds,
 * so a zombie that nobody took for a full interval is an orphan nobody waits for.
 *
 * <p>Cost: one directory listing plus one small read per JVM thread and per unknown child, once per
 * interval. Threading: the loop thread of the first event loop.
 */
final class OrphanReaper {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanReaper.class);
    private static final Path TASKS = Path.of("/proc/self/task");

    private final EventLoop loop;
    private final long intervalNanos;
    /** Unknown zombie children and when they were first seen as zombies. */
    private final Map<Integer, Long> zombieSince = new HashMap<>();
    private volatile long reaped;

    OrphanReaper(EventLoop loop, long intervalNanos) {
        this.loop = loop;
        this.intervalNanos = intervalNanos;
    }

    /** Starts the periodic scan; any thread. */
    void start() {
        loop.execute(() -> loop.schedule(intervalNanos, this::tick));
    }

    private void tick() {
        try {
            scan();
        } catch (RuntimeException e) {
            LOG.warn("orphan scan failed", e);
        }
        loop.schedule(intervalNanos, this::tick);
    }

    /** Orphans reaped so far (for tests and status). */
    long reapedCount() {
        return reaped;
    }

    private void scan() {
        long now = System.nanoTime();
        Set<Integer> unknown = new HashSet<>();
        for (int pid : children()) {
            if (!OwnedPids.contains(pid)) {
                unknown.add(pid);
            }
        }
        zombieSince.keySet().retainAll(unknown);
        for (int pid : unknown) {
            if (!isZombie(pid)) {
                zombieSince.remove(pid);
                continue;
            }
            Long since = zombieSince.putIfAbsent(pid, now);
            if (since != null && now - since >= intervalNanos / 2) {
                reap(pid);
                zombieSince.remove(pid);
            }
        }
    }

    private void reap(int pid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = arena.allocate(LinuxConstants.SIGINFO_SIZE, 8);
            int r = Libc.waitid(P_PID, pid, info, WEXITED | WNOHANG);
            if (r == 0 && info.get(JAVA_INT, LinuxConstants.SI_PID) == pid) {
                reaped++;
                LOG.debug("reaped adopted orphan {}", pid);
            }
        }
    }

    private static Set<Integer> children() {
        Set<Integer> pids = new HashSet<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    for (String word : Files.readString(task.resolve("children")).trim().split("\\s+")) {
                        if (!word.isEmpty()) {
                            pids.add(Integer.parseInt(word));
                        }
                    }
                } catch (IOException | NumberFormatException e) {
                    // The thread ended while we listed it.
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", TASKS, e.toString());
        }
        return pids;
    }

    private static boolean isZombie(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
