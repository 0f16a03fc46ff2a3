package io.circus.process.linux;

import io.circus.os.linux.Libc;
import io.circus.os.linux.SpawnCalls;
import io.circus.process.Capability;
import io.circus.process.ManagedProcess;
import io.circus.process.ProcessLauncher;
import io.circus.process.SpawnException;
import io.circus.process.SpawnRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native Linux process layer on {@code java.lang.foreign}: {@code posix_spawn}, pidfds and a few
 * epoll loops, with no JNI and no thread per child. See {@code docs/process-layer.md}.
 *
 * <p>Threading: {@link #spawn}, {@link #watchReadable} and {@link #close} may be called from any
 * thread; {@code spawn} blocks its caller for the ~1–2 ms until the child has exec'd (prefer a
 * platform thread: a virtual thread would pin its carrier meanwhile). Output, exits and readiness
 * callbacks run on the launcher's loop threads and must be quick.
 */
public final class LinuxFfmLauncher implements ProcessLauncher {

    /**
     * Tuning.
     *
     * @param eventLoops         loop threads (children are spread over them round-robin), 1..cores
     * @param drainGrace         how long pipes are still read after the child exited while a
     *                           descendant holds them open, before they are cut off
     * @param subreaper          whether the daemon becomes a child subreaper and reaps adopted orphans
     * @param orphanScanInterval how often adopted orphans are looked for besides when a child
     *                           exits (the safety net for orphans of deeper descendants)
     */
    public record Settings(int eventLoops, Duration drainGrace, boolean subreaper, Duration orphanScanInterval) {
        public Settings {
            int max = Math.max(1, Runtime.getRuntime().availableProcessors());
            if (eventLoops < 1 || eventLoops > max) {
                throw new IllegalArgumentException("eventLoops must be 1.." + max + ": " + eventLoops);
            }
            Objects.requireNonNull(drainGrace, "drainGrace");
            Objects.requireNonNull(orphanScanInterval, "orphanScanInterval");
            if (drainGrace.isNegative() || orphanScanInterval.isNegative() || orphanScanInterval.isZero()) {
                throw new IllegalArgumentException("durations must be positive");
            }
        }

        /** One loop, 2 s drain grace, subreaper on, safety-net orphan scan every 30 s. */
        public static Settings defaults() {
            return new Settings(1, Duration.ofSeconds(2), true, Duration.ofSeconds(30));
        }
    }

    /** A readiness watch set up by {@link #watchReadable}; closing it is idempotent. */
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    private static final Logger LOG = LoggerFactory.getLogger(LinuxFfmLauncher.class);

    private final Settings settings;
    private final EventLoop[] loops;
    private final ExecPlanner planner;
    private final Set<Capability> capabilities;
    private final ConcurrentHashMap<Integer, LinuxProcess> live = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<LinuxProcess, EventLoop> loopOf = new ConcurrentHashMap<>();
    private final AtomicInteger nextLoop = new AtomicInteger();
    private final OrphanReaper orphans;
    private final PidfdTables pidfds;
    private final CompletableFuture<String> failure = new CompletableFuture<>();
    /** {soft, hard} every child gets when the daemon raised its own soft limit; null until then. */
    private volatile long[] childNofile;
    private volatile boolean closed;

    private LinuxFfmLauncher(Settings settings, int pidfdsPerTable) {
        this.settings = settings;
        ChildSignalReset.resetIfIgnored();
        this.planner = ExecPlanner.fromSystem();
        boolean subreaper = settings.subreaper() && SubreaperFlag.acquire();
        EnumSet<Capability> caps = EnumSet.of(Capability.SIGNALS_ANY, Capability.PROCESS_GROUP, Capability.SESSION,
                Capability.FD_PASSING, Capability.EVENT_LOOP);
        if (planner.canSetCredentials()) {
            caps.add(Capability.CREDENTIALS);
        }
        if (planner.canSetRlimits()) {
            caps.add(Capability.RLIMITS);
        }
        if (planner.canSetUmask()) {
            caps.add(Capability.UMASK);
        }
        if (subreaper) {
            caps.add(Capability.SUBREAPER);
        }
        this.capabilities = Set.copyOf(caps);
        this.loops = new EventLoop[settings.eventLoops()];
        for (int i = 0; i < loops.length; i++) {
            int index = i;
            // onStopped runs only at close(), when loops[index] is long assigned.
            loops[i] = new EventLoop("circus-epoll-" + i, () -> loopStopped(index), failure::complete);
        }
        // -Dcircus.pidfds.private=false keeps the pidfds in the shared table: the escape hatch should a
        // JVM or a kernel ever disagree with a thread that has a descriptor table of its own.
        boolean privateTable = !"false".equals(System.getProperty("circus.pidfds.private"));
        this.pidfds = new PidfdTables("circus-pidfds", privateTable, softLimit(), pidfdsPerTable, loops);
        this.orphans = subreaper ? new OrphanReaper(loops[0], settings.orphanScanInterval().toNanos()) : null;
        if (orphans != null) {
            orphans.start();
        }
    }

    /**
     * The launcher with default settings; the entry point {@code Launchers} calls reflectively.
     *
     * @throws UnsupportedOperationException with the reason when it cannot run here
     */
    public static LinuxFfmLauncher create() {
        return create(Settings.defaults());
    }

    /** @throws UnsupportedOperationException with the reason when it cannot run here */
    public static LinuxFfmLauncher create(Settings settings) {
        return create(settings, 0);
    }

    /** Test seam: at most {@code pidfdsPerTable} pidfds per private table (0: what the limit allows). */
    static LinuxFfmLauncher create(Settings settings, int pidfdsPerTable) {
        checkPlatform();
        return new LinuxFfmLauncher(settings, pidfdsPerTable);
    }

    private static void checkPlatform() {
        if (Runtime.version().feature() < 22) {
            throw new UnsupportedOperationException("JDK " + Runtime.version().feature() + " < 22 (no java.lang.foreign)");
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            throw new UnsupportedOperationException("not Linux");
        }
        String arch = System.getProperty("os.arch", "");
        if (!List.of("amd64", "x86_64", "aarch64").contains(arch)) {
            throw new UnsupportedOperationException("struct layouts not verified for " + arch);
        }
        if (!LinuxFfmLauncher.class.getModule().isNativeAccessEnabled()) {
            throw new UnsupportedOperationException("native access is not enabled for "
                    + LinuxFfmLauncher.class.getModule() + " (use --enable-native-access=ALL-UNNAMED or the"
                    + " Enable-Native-Access manifest attribute)");
        }
        List<String> missing = new ArrayList<>(Libc.missing());
        missing.addAll(SpawnCalls.missing());
        if (!missing.isEmpty()) {
            throw new UnsupportedOperationException("libc lacks " + String.join(", ", missing) + " (glibc >= 2.34 needed)");
        }
        int pidfd = Libc.pidfdOpen(Libc.getpid());
        if (pidfd < 0) {
            throw new UnsupportedOperationException("pidfd_open: " + Libc.strerror(-pidfd) + " (Linux >= 5.4 needed)");
        }
        Libc.close(pidfd);
    }

    @Override
    public String name() {
        return "linux-ffm";
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public int threadCount() {
        return loops.length;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public ManagedProcess spawn(SpawnRequest request) throws SpawnException {
        Objects.requireNonNull(request, "request");
        if (closed) {
            throw new IllegalStateException("launcher closed");
        }
        if (request.cwd() != null && !Files.isDirectory(request.cwd())) {
            throw new SpawnException("working directory does not exist: " + request.cwd(), LinuxConstants.ENOENT);
        }
        ExecPlanner.ExecPlan plan = planner.plan(request, request.umask() >= 0 ? daemonUmask() : -1, childNofile);
        EventLoop loop = loops[Math.floorMod(nextLoop.getAndIncrement(), loops.length)];
        NativeSpawner.Spawned spawned = NativeSpawner.spawn(request, plan);
        LinuxProcess process = new LinuxProcess(spawned, request.group(), request.killGroupOnExit(), request.sink(), loop,
                pidfds, settings.drainGrace().toNanos(), this::finished);
        live.put(spawned.pid(), process);
        loopOf.put(process, loop);
        try {
            process.start();
        } catch (EventLoop.RegistrationException e) {
            finished(process);
            throw new SpawnException("cannot watch pid " + spawned.pid() + ": " + e.getMessage(), e.errno());
        } catch (IllegalStateException e) {
            finished(process);
            throw new SpawnException("cannot watch pid " + spawned.pid() + ": " + e.getMessage(), e);
        }
        return process;
    }

    /**
     * A pipe per captured stream: with private pidfd tables the pidfd is not in the daemon's table
     * (a table holds what the limit allows and another starts when it is full); in the fallback the
     * pidfd as well.
     */
    @Override
    public int descriptorsPerChild(int pipedStreams) {
        return (pidfds.isPrivate() ? 0 : 1) + pipedStreams;
    }

    @Override
    public String descriptorsPerChildWhat() {
        return pidfds.isPrivate() ? "a pipe per captured stream, the pidfds being in tables of their own"
                : "a pidfd and a pipe per captured stream";
    }

    /** The soft open-files limit as a count ({@code Long.MAX_VALUE} when unlimited or unknown). */
    private static long softLimit() {
        long[] now = NofileLimit.get();
        return now == null || now[0] == LinuxConstants.RLIM_INFINITY ? Long.MAX_VALUE : now[0];
    }

    /** The pidfd tables (tests). */
    PidfdTables pidfdTables() {
        return pidfds;
    }

    @Override
    public OptionalLong openFileLimit() {
        long[] now = NofileLimit.get();
        return now == null || now[0] == LinuxConstants.RLIM_INFINITY ? OptionalLong.empty() : OptionalLong.of(now[0]);
    }

    /**
     * Raises the soft open-files limit to the hard one; from then on every child is spawned behind
     * {@code prlimit} with the limits the daemon had before (a watcher's {@code rlimit_nofile} wins).
     * Without util-linux {@code prlimit} the limit is left as it is, so children never see a limit
     * they would not have had. Idempotent.
     */
    @Override
    public synchronized OptionalLong raiseOpenFileLimit() {
        long[] now = NofileLimit.get();
        if (now == null || childNofile != null || NofileLimit.compare(now[0], now[1]) >= 0) {
            return openFileLimit();
        }
        if (!planner.canSetRlimits()) {
            LOG.warn("open-files limit stays at {} (hard {}): util-linux prlimit is missing, so children"
                    + " could not be given their own limit back", now[0], now[1] == LinuxConstants.RLIM_INFINITY ? "unlimited" : now[1]);
            return openFileLimit();
        }
        int r = NofileLimit.setSoft(now[1], now[1]);
        if (r != 0 && now[1] == LinuxConstants.RLIM_INFINITY) {
            // Unlimited hard: the kernel still caps the soft limit at fs.nr_open.
            r = NofileLimit.setSoft(nrOpen(), now[1]);
        }
        if (r != 0) {
            LOG.warn("cannot raise the open-files limit from {}: {}", now[0], Libc.strerror(-r));
            return openFileLimit();
        }
        childNofile = now;
        pidfds.limitChanged(softLimit());
        LOG.info("open-files limit raised from {} to {} for the daemon; children keep {}", now[0],
                openFileLimit().orElse(-1), now[0]);
        return openFileLimit();
    }

    private static long nrOpen() {
        try {
            return Long.parseLong(Files.readString(Path.of("/proc/sys/fs/nr_open")).strip());
        } catch (IOException | NumberFormatException e) {
            return 1 << 20;
        }
    }

    @Override
    public CompletionStage<String> failure() {
        return failure;
    }

    /** Test seam: makes the next epoll_wait of every loop fail with {@code errno}. */
    void failNextWait(int errno) {
        for (EventLoop loop : loops) {
            loop.failNextWait(errno);
        }
    }

    /** Whether a loop fell back to poll(2) after epoll_wait failed. */
    boolean degraded() {
        for (EventLoop loop : loops) {
            if (loop.degraded()) {
                return true;
            }
        }
        return false;
    }


    private void finished(LinuxProcess process) {
        live.remove((int) process.pid(), process);
        loopOf.remove(process);
        if (orphans != null) {
            orphans.poke();
        }
    }

    /** Runs on each loop thread as it stops. */
    private void loopStopped(int index) {
        abandonAll(loops[index]);
        if (index == 0 && orphans != null) {
            orphans.close();
        }
    }

    /** Runs on each loop thread as it stops. */
    private void abandonAll(EventLoop loop) {
        for (LinuxProcess p : List.copyOf(live.values())) {
            if (loopOf.get(p) == loop) {
                p.abandon();
                finished(p);
            }
        }
    }

    /** The daemon's umask as the kernel reports it (Linux >= 4.7), without the set-and-restore race. */
    private static int daemonUmask() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Umask:")) {
                    return Integer.parseInt(line.substring(6).strip(), 8);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Unknown: always wrap.
        }
        return -1;
    }

    /**
     * Calls {@code callback} once on a loop thread when {@code fd} becomes readable (a listening
     * socket with a pending connection), then forgets the descriptor. Close the watch before
     * closing the descriptor: a duplicate held by a child would otherwise keep it in the epoll set.
     */
    public Watch watchReadable(int fd, Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        if (closed) {
            throw new IllegalStateException("launcher closed");
        }
        EventLoop loop = loops[0];
        long token = loop.newToken();
        AtomicBoolean done = new AtomicBoolean();
        Watch watch = () -> {
            if (done.compareAndSet(false, true)) {
                loop.unregister(fd, token);
            }
        };
        loop.register(fd, LinuxConstants.EPOLLIN | LinuxConstants.EPOLLONESHOT, token, events -> {
            if (done.compareAndSet(false, true)) {
                loop.unregister(fd, token);
                callback.run();
            }
        });
        return watch;
    }

    /** Adopted orphans reaped so far; 0 without the subreaper. */
    long orphansReaped() {
        return orphans == null ? 0 : orphans.reapedCount();
    }

    /** Stops the loops; children keep running, their handles stop reporting (onExit fails). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (EventLoop loop : loops) {
            loop.close();
        }
        pidfds.close();
        if (orphans != null) {
            SubreaperFlag.release();
        }
    }
}
