package io.circus.process.linux;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PidfdTable}s of a launcher: one to begin with, another only when every existing one is
 * full. {@code RLIMIT_NOFILE} bounds the descriptor numbers of each descriptor table on its own, so
 * one private table holds at most the daemon's soft limit minus what it {@linkplain PidfdTable#kept()
 * kept} of the shared table; a second table (a second thread with its own unshare) holds the next
 * ones. At 20,000 children under a limit of 20,000 that is two threads; below one table's capacity
 * nothing changes.
 *
 * <p>There is no cap on the number of tables: each costs one idle thread per table-full of children
 * (a table-full being the open-files limit, tens of thousands where the daemon raised it), while the
 * children themselves are bounded by {@code RLIMIT_NPROC}, {@code pid_max} and memory, whose
 * exhaustion a spawn already reports (EAGAIN) and the watcher retries.
 *
 * <p>A new child goes to the first table with room, so a table that emptied is filled again before
 * the later ones and no thread is started while one has room. Where the first table could not get
 * a private table (unshare refused, or {@code -Dcircus.pidfds.private=false}) it is the only one:
 * its pidfds count against the daemon's own limit, as the budget check assumes then.
 *
 * <p>Threading: {@link #watch} from any thread whose descriptor table is the shared one (the
 * spawner threads; a new table's thread starts with a copy of its creator's table); the rest any
 * thread.
 */
final class PidfdTables implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PidfdTables.class);
    /** Descriptors a table leaves free beyond what it kept: a margin should the JVM open one on its thread. */
    static final int SLACK = 8;

    private final String name;
    private final EventLoop[] loops;
    /** Pidfds per table when fixed (tests); 0: the open-files limit minus what the table kept. */
    private final int fixedCapacity;
    private final CopyOnWriteArrayList<PidfdTable> tables = new CopyOnWriteArrayList<>();
    private final boolean privateTables;
    private volatile long limit;
    private volatile boolean closed;

    /**
     * Starts the first table.
     *
     * @param wantPrivate   false: one table, the shared one (the fallback)
     * @param limit         the daemon's soft open-files limit now; see {@link #limitChanged}
     * @param fixedCapacity pidfds per private table, or 0 for what the limit allows (tests force a few)
     */
    PidfdTables(String name, boolean wantPrivate, long limit, int fixedCapacity, EventLoop... loops) {
        this.name = name;
        this.loops = loops.clone();
        this.fixedCapacity = fixedCapacity;
        this.limit = limit;
        PidfdTable first = new PidfdTable(name, wantPrivate, loops);
        tables.add(first);
        this.privateTables = first.isPrivate();
    }

    /** Whether the pidfds live in tables of their own, apart from the daemon's descriptors. */
    boolean isPrivate() {
        return privateTables;
    }

    /** The daemon's soft open-files limit changed (it raised it): full tables may take more. */
    void limitChanged(long softLimit) {
        this.limit = softLimit;
    }

    /**
     * Opens the pidfd of {@code pid} in a table with room, starting a table when none has, and adds
     * it to {@code loop} under {@code token}. {@code chosen} learns the table before the pidfd is
     * opened, {@code opened} its number (on the table's thread, before the handler can run).
     *
     * @return the pidfd's number in the chosen table, or minus errno (nothing is left open then)
     */
    int watch(int pid, EventLoop loop, int eventMask, long token, Consumer<PidfdTable> chosen,
              IntConsumer opened, EventLoop.Handler handler) {
        for (int attempt = 0; ; attempt++) {
            PidfdTable table = reserve();
            if (table == null) {
                return -LinuxConstants.EMFILE;
            }
            chosen.accept(table);
            int r = table.watch(pid, loop, eventMask, token, opened, handler);
            if (r != -LinuxConstants.EMFILE || !privateTables || attempt > 0) {
                return r;
            }
            // The table was fuller than counted (the JVM opened something on its thread): take
            // it as full at what it holds and try the next one once.
            table.markFull();
        }
    }

    /** A table with a slot reserved for one more pidfd; null when none can be had. */
    private PidfdTable reserve() {
        for (PidfdTable t : tables) {
            if (t.reserve(capacity(t))) {
                return t;
            }
        }
        synchronized (this) {
            for (PidfdTable t : tables) { // another spawner may have started one meanwhile
                if (t.reserve(capacity(t))) {
                    return t;
                }
            }
            if (closed || !privateTables) {
                return null;
            }
            int held = held();
            String next = name + "-" + tables.size();
            PidfdTable added = new PidfdTable(next, true, loops);
            if (!added.isPrivate() || !added.reserve(capacity(added))) {
                // Not one more pidfd fits (or unshare failed now after it worked once): stay as we are.
                added.close();
                LOG.warn("cannot start another pidfd table (private: {}, limit {}, kept {})", added.isPrivate(),
                        limit, added.kept());
                return null;
            }
            LOG.info("{} pidfds fill {} descriptor table(s) (open-files limit {}); started {}", held, tables.size(),
                    limit, next);
            tables.add(added);
            return added;
        }
    }

    private int capacity(PidfdTable t) {
        if (!privateTables) {
            return Integer.MAX_VALUE; // the shared table: the budget check and the kernel bound it
        }
        long free = fixedCapacity > 0 ? fixedCapacity : limit - t.kept() - SLACK;
        return (int) Math.max(0, Math.min(Math.min(free, Integer.MAX_VALUE), t.ceiling()));
    }

    /** Pidfds held in all tables. */
    int held() {
        int sum = 0;
        for (PidfdTable t : tables) {
            sum += t.held();
        }
        return sum;
    }

    /** The tables in the order they were started (tests and diagnostics). */
    List<PidfdTable> tables() {
        return List.copyOf(tables);
    }

    /** Stops every table's thread; their pidfds go with them. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        for (PidfdTable t : tables) {
            t.close();
        }
    }
}
