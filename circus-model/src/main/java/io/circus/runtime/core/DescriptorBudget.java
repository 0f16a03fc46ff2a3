package io.circus.runtime.core;

import io.circus.config.StreamConfig;
import io.circus.config.WatcherConfig;
import io.circus.process.ProcessLauncher;
import io.circus.runtime.DescriptorLimitException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Checks that the daemon's open-files limit can hold what the watchers ask for, before anything is
 * spawned: when it cannot, the operator gets one clear refusal naming the watcher, instead of
 * thousands of EMFILE failures and a watcher that gives up. Per running child the daemon holds what
 * the launcher says: the read end of each captured stream's pipe, and a pidfd unless the launcher
 * keeps the pidfds in descriptor tables of their own (the Linux launcher does, starting another
 * table whenever one is full, so they are not bounded by this limit); each of the two
 * spawner threads briefly holds both ends of two pipes; and {@link #RESERVE} descriptors are kept
 * for the daemon itself (JVM and jars, ZeroMQ and JMX sockets, log and stream files, bound sockets).
 *
 * <p>Threading: stateless apart from the launcher, any thread (the core calls it on the loop).
 */
final class DescriptorBudget {

    /**
     * Descriptors kept for the daemon's own files and sockets: a running circusd with its ZeroMQ
     * channels holds about 60 (JVM, jars, epoll and event descriptors, sockets, log files).
     */
    static final int RESERVE = 64;
    /** Write ends held while spawning: two spawner threads, two pipes each. */
    static final int SPAWNING = 4;

    private final ProcessLauncher launcher;
    private final Supplier<Collection<WatcherConfig>> current;
    private final int sockets;

    /**
     * @param current the definitions of every watcher now (read on the loop)
     * @param sockets how many sockets the daemon binds
     */
    DescriptorBudget(ProcessLauncher launcher, Supplier<Collection<WatcherConfig>> current,
                     int sockets) {
        this.launcher = launcher;
        this.current = current;
        this.sockets = sockets;
    }

    /**
     * Checks a run-time change: {@code next} replaces the watcher of the same name, or joins them.
     *
     * @throws DescriptorLimitException when the limit is known and too small; nothing was changed
     */
    void checkChange(WatcherConfig next) {
        List<WatcherConfig> all = new ArrayList<>();
        for (WatcherConfig w : current.get()) {
            if (!w.name().equalsIgnoreCase(next.name())) {
                all.add(w);
            }
        }
        all.add(next);
        check(all, next.name());
    }

    /** Whether a run-time change fits, without refusing anything. */
    boolean fits(WatcherConfig next) {
        try {
            checkChange(next);
            return true;
        } catch (DescriptorLimitException e) {
            return false;
        }
    }

    /** Checks a whole configuration, blaming its largest watcher. */
    void checkAll(Collection<WatcherConfig> watchers) {
        check(watchers, null);
    }

    /** Descriptors the daemon holds for one watcher's processes and stream files. */
    int need(WatcherConfig c) {
        int files = (isFile(c.stdoutStream()) ? 1 : 0) + (isFile(c.stderrStream()) ? 1 : 0);
        return c.numProcesses() * perChild(c) + files;
    }

    private int perChild(WatcherConfig c) {
        int streams = (piped(c.stdoutStream(), c.closeChildStdout()) ? 1 : 0)
                + (piped(c.stderrStream(), c.closeChildStderr()) ? 1 : 0);
        return launcher.descriptorsPerChild(streams);
    }

    private static boolean piped(StreamConfig s, boolean closed) {
        return !closed && s != null && (s.isConfigured() || !s.options().isEmpty());
    }

    private static boolean isFile(StreamConfig s) {
        return s != null && s.isConfigured() && s.className().toLowerCase(Locale.ROOT).contains("file");
    }

    /**
     * Checks the whole set of definitions; {@code changed} names the watcher to blame when they do not
     * fit (the one being changed), or null to blame the largest.
     *
     * @throws DescriptorLimitException when the limit is known and too small
     */
    private void check(Collection<WatcherConfig> watchers, String changed) {
        OptionalLong limit = launcher.openFileLimit();
        if (limit.isEmpty()) {
            return;
        }
        long total = RESERVE + SPAWNING + sockets;
        WatcherConfig blamed = null;
        for (WatcherConfig w : watchers) {
            total += need(w);
            if (changed != null ? w.name().equalsIgnoreCase(changed) : blamed == null || need(w) > need(blamed)) {
                blamed = w;
            }
        }
        if (total <= limit.getAsLong() || blamed == null) {
            return;
        }
        throw refusal(blamed, total, limit.getAsLong());
    }

    private DescriptorLimitException refusal(WatcherConfig w, long total, long limit) {
        int perChild = perChild(w);
        long suggested = Long.highestOneBit(Math.max(1, total - 1)) << 1;
        String message = "watcher '" + w.name() + "': numprocesses = " + w.numProcesses() + " needs " + total
                + " open files in all (" + perChild + " per process: " + launcher.descriptorsPerChildWhat() + ";"
                + " " + (total - need(w)) + " for the daemon itself and the other watchers), but circusd may open only "
                + limit + ". Raise the daemon's limit: 'ulimit -n " + suggested + "' in the shell that starts circusd,"
                + " LimitNOFILE=" + suggested + " in its systemd unit, or nofile in /etc/security/limits.conf"
                + " (circusd raises its soft limit to the hard limit by itself; a watcher's rlimit_nofile only sets"
                + " its children's limit); or lower numprocesses";
        return new DescriptorLimitException(w.name(), total, limit, message);
    }
}
