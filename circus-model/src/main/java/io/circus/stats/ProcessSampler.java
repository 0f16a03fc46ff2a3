package io.circus.stats;

import io.circus.time.Ticker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples processes from {@code /proc} (Linux): CPU percentage from the growth of user plus system
 * time over monotonic time, resident memory, and the rest of what Circus's {@code stats} reports.
 *
 * <p>Cost is one {@code pread} each of the process's {@code stat} and {@code statm} files, kept open
 * between samples (argv and user are re-read every 10 s), and a sample is cached per pid for
 * {@code maxAge} (500 ms by default), so a JMX console, a Prometheus scrape and the stats stream
 * reading the same pids within that window share one read. CPU percentage needs two readings: each
 * sample is measured against the previous one of the same pid; the first sample of a pid reports the
 * average over its lifetime. A reused pid is recognised by its changed start time and starts afresh.
 *
 * <p>Threading: thread-safe and non-blocking apart from the file reads. Two threads sampling the same
 * stale pid at once may both read it; the later reading wins, which is harmless.
 */
public final class ProcessSampler {

    public static final Duration DEFAULT_MAX_AGE = Duration.ofMillis(500);
    /** Entries not asked for during this long are dropped, so dead pids do not accumulate. */
    private static final long FORGET_NANOS = Duration.ofSeconds(60).toNanos();
    private static final long SWEEP_NANOS = Duration.ofSeconds(10).toNanos();
    /**
     * How long a process's argv and user are reused before they are read again: they rarely change
     * during its life, and reading them costs two more file operations per process and round.
     */
    private static final long IDENTITY_NANOS = Duration.ofSeconds(10).toNanos();

    private final ProcFiles proc;
    private final Ticker ticker;
    private final long maxAgeNanos;
    private final ConcurrentHashMap<Long, Reading> readings = new ConcurrentHashMap<>();
    private volatile long lastSweep;
    private volatile long memTotal = -1;
    private volatile long bootEpochSeconds = -1;

    /** One previous look at a pid: the base of the next CPU percentage. */
    private record Reading(long startTicks, long cpuTicks, long nanos, int threads, long identityNanos,
                           ProcessInfo info) {
    }

    /** The real {@code /proc}, the system clock, 500 ms cache. */
    public ProcessSampler() {
        this(Path.of("/proc"), Ticker.SYSTEM, DEFAULT_MAX_AGE);
    }

    /**
     * @param procRoot where {@code /proc} is (a fake tree in tests)
     * @param ticker   the monotonic clock
     * @param maxAge   how long a sample is reused
     */
    public ProcessSampler(Path procRoot, Ticker ticker, Duration maxAge) {
        this.proc = new ProcFiles(procRoot);
        this.ticker = ticker;
        this.maxAgeNanos = maxAge.toNanos();
        this.lastSweep = ticker.nanoTime();
    }

    /** The process's figures, or empty when it does not exist (any more). */
    public Optional<ProcessInfo> sample(long pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        long now = ticker.nanoTime();
        sweep(now);
        Reading previous = readings.get(pid);
        if (previous != null && now - previous.nanos < maxAgeNanos) {
            return Optional.of(previous.info);
        }
        ProcFiles.Stat stat = proc.stat(pid);
        ProcFiles.Memory memory = stat == null ? null : proc.memory(pid);
        if (stat == null || memory == null) {
            readings.remove(pid);
            proc.forget(pid);
            return Optional.empty();
        }
        double cpu = previous != null && previous.startTicks == stat.startTicks()
                ? percent(stat.cpuTicks() - previous.cpuTicks, now - previous.nanos)
                : lifetimePercent(stat);
        boolean sameIdentity = previous != null && previous.startTicks == stat.startTicks()
                && now - previous.identityNanos < IDENTITY_NANOS;
        List<String> argv = sameIdentity ? previous.info.argv() : proc.cmdline(pid);
        String user = sameIdentity ? previous.info.username() : proc.username(pid);
        ProcessInfo info = info(stat, memory, cpu, argv, user);
        readings.put(pid, new Reading(stat.startTicks(), stat.cpuTicks(), now, stat.threads(),
                sameIdentity ? previous.identityNanos : now, info));
        return Optional.of(info);
    }

    /** The direct children of a process that could be read. */
    public List<ProcessInfo> children(long pid) {
        List<ProcessInfo> children = new ArrayList<>();
        Reading reading = readings.get(pid);
        for (long child : proc.children(pid, reading != null && reading.threads == 1)) {
            sample(child).ifPresent(children::add);
        }
        return children;
    }

    /** CPU and RSS summed over the pids that still exist. */
    public Usage total(Collection<Long> pids) {
        Usage usage = Usage.NONE;
        for (long pid : pids) {
            Optional<ProcessInfo> info = sample(pid);
            if (info.isPresent()) {
                usage = usage.plus(info.get());
            }
        }
        return usage;
    }

    /** The /proc files held open between samples (for tests). */
    int openFiles() {
        return proc.openFiles();
    }

    private ProcessInfo info(ProcFiles.Stat stat, ProcFiles.Memory memory, double cpu, List<String> argv,
                             String user) {
        long total = memTotal();
        double mem = total > 0 ? CircusFormat.percent3(100.0 * memory.rssBytes() / total) : 0;
        long cpuMillis = stat.cpuTicks() * 1000 / ProcFiles.TICKS_PER_SECOND;
        long created = bootEpochSeconds() * 1000 + stat.startTicks() * 1000 / ProcFiles.TICKS_PER_SECOND;
        return new ProcessInfo(stat.pid(), stat.ppid(), name(argv, stat.comm()), argv, user,
                stat.nice(), stat.state(), cpu, mem, memory.rssBytes(), memory.vmsBytes(), cpuMillis, created);
    }

    /** Circus's cmdline: base name of argv[0]'s first word. */
    private static String name(List<String> argv, String comm) {
        if (argv.isEmpty() || argv.getFirst().isBlank()) {
            return comm;
        }
        String first = argv.getFirst().strip().split("\\s+")[0];
        return first.substring(first.lastIndexOf('/') + 1);
    }

    private static double percent(long ticks, long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        double seconds = (double) ticks / ProcFiles.TICKS_PER_SECOND;
        return round1(100.0 * seconds / (nanos / 1e9));
    }

    private double lifetimePercent(ProcFiles.Stat stat) {
        double age = proc.uptimeSeconds() - (double) stat.startTicks() / ProcFiles.TICKS_PER_SECOND;
        if (age <= 0) {
            return 0;
        }
        return round1(100.0 * stat.cpuTicks() / ProcFiles.TICKS_PER_SECOND / age);
    }

    private static double round1(double v) {
        return Math.round(v * 10.0) / 10.0;
    }

    // Both are fixed while the machine runs; read lazily once.
    private long memTotal() {
        long v = memTotal;
        if (v < 0) {
            memTotal = v = proc.memTotalBytes();
        }
        return v;
    }

    private long bootEpochSeconds() {
        long v = bootEpochSeconds;
        if (v < 0) {
            bootEpochSeconds = v = proc.bootEpochSeconds();
        }
        return v;
    }

    private void sweep(long now) {
        if (now - lastSweep < SWEEP_NANOS) {
            return;
        }
        lastSweep = now;
        readings.entrySet().removeIf(e -> {
            boolean stale = now - e.getValue().nanos > FORGET_NANOS;
            if (stale) {
                proc.forget(e.getKey());
            }
            return stale;
        });
    }
}
