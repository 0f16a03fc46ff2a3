package io.circus.process.linux;

import static io.circus.process.linux.LinuxConstants.EINTR;
import static io.circus.process.linux.LinuxConstants.EPOLLIN;
import static io.circus.process.linux.LinuxConstants.EPOLLONESHOT;
import static io.circus.process.linux.LinuxConstants.P_PID;
import static io.circus.process.linux.LinuxConstants.WEXITED;
import static io.circus.process.linux.LinuxConstants.WNOHANG;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import io.circus.os.linux.Libc;
import io.circus.process.ExitStatus;
import io.circus.process.GroupMode;
import io.circus.process.KernelStart;
import io.circus.process.ManagedProcess;
import io.circus.process.OutputSink;
import io.circus.process.Signal;
import io.circus.process.StreamId;
import io.circus.time.TimerQueue;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child of the {@link LinuxFfmLauncher}, watched through its pidfd.
 *
 * <p>Lifecycle on the event loop: the pidfd becomes readable when the child exits. With
 * {@code killGroupOnExit} its process group is sent SIGKILL first, while the unreaped zombie still
 * holds the pid (so {@code kill(-pid)} cannot reach a group that reused the number); then it is
 * reaped at once with {@code waitid(P_PID)} (so no zombie lingers while output drains) and the
 * pidfd is closed, after which {@link #signal} and {@link #signalGroup} send nothing and return false. {@link #onExit()} completes when the child is
 * reaped <em>and</em> every pipe reached end of file. A descendant may keep a pipe open after the
 * child exited; then the pipes are read for at most the drain grace after the exit and cut off.
 *
 * <p>The pidfd lives in the private descriptor table of one of the {@link PidfdTables} (so spawning
 * does not copy one descriptor per running child into every new child): only that table's thread
 * opens, arms and closes it, and the process keeps that table for it. Signals and the reap use the
 * pid, which cannot name another process while this child is unreaped; both happen under
 * {@code pidfdLock}, so a signal is either sent before the reap or not at all.
 *
 * <p>Threading: {@link #signal}, {@link #signalGroup}, {@link #isAlive} from any thread; everything
 * else runs on the loop thread.
 */
final class LinuxProcess implements ManagedProcess {

    private static final Logger LOG = LoggerFactory.getLogger(LinuxProcess.class);

    private final int pid;
    private final GroupMode group;
    private final boolean killGroupOnExit;
    private final long startedNanos = System.nanoTime();
    private final long startedMillis = System.currentTimeMillis();
    /** {@link KernelStart}'s range, both -1 when the spawn could not measure it. */
    private final long earliestStart;
    private final long latestStart;
    private final EventLoop loop;
    private final long drainGraceNanos;
    private final Consumer<LinuxProcess> onFinished;
    private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
    private final List<PipeReader> pipes = new ArrayList<>(2);
    private final long pidfdToken;
    private final PidfdTables tables;
    /** The table that holds the pidfd; chosen once by {@link #start}, before the pidfd is opened. */
    private volatile PidfdTable pidfds;
    private final Object pidfdLock = new Object();
    /** The pidfd's number in the private table; -1 until opened. Written once by the table's thread. */
    private volatile int pidfd = -1;
    /** Set under pidfdLock once waitid took the status: from then on the pid may be anyone's. */
    private boolean reaped;
    private volatile boolean alive = true;
    private int openPipes;
    private ExitStatus status;
    private TimerQueue.Timer grace;

    LinuxProcess(NativeSpawner.Spawned spawned, GroupMode group, boolean killGroupOnExit, OutputSink sink,
                 EventLoop loop, PidfdTables tables, long drainGraceNanos, Consumer<LinuxProcess> onFinished) {
        this.pid = spawned.pid();
        this.earliestStart = spawned.earliestStart();
        this.latestStart = spawned.latestStart();
        this.tables = tables;
        this.group = group;
        this.killGroupOnExit = killGroupOnExit && group != GroupMode.NONE;
        this.loop = loop;
        this.drainGraceNanos = drainGraceNanos;
        this.onFinished = onFinished;
        this.pidfdToken = loop.newToken();
        if (spawned.stdoutRead() >= 0) {
            pipes.add(new PipeReader(loop, spawned.stdoutRead(), pid, StreamId.STDOUT, sink, this::pipeClosed));
        }
        if (spawned.stderrRead() >= 0) {
            pipes.add(new PipeReader(loop, spawned.stderrRead(), pid, StreamId.STDERR, sink, this::pipeClosed));
        }
        this.openPipes = pipes.size();
    }

    /**
     * Puts the pidfd, then the pipes, into the loop. Any thread, once.
     *
     * @throws IllegalStateException when the loop refused the pidfd; the child was then killed
     *                               and reaped and every descriptor closed
     */
    void start() {
        int r = tables.watch(pid, loop, EPOLLIN | EPOLLONESHOT, pidfdToken, table -> pidfds = table,
                fd -> pidfd = fd, events -> onPidfdReadable());
        if (r < 0) {
            killReapAndClose();
            throw new EventLoop.RegistrationException("pidfd_open: " + Libc.strerror(-r), -r);
        }
        for (PipeReader pipe : pipes) {
            try {
                pipe.start();
            } catch (IllegalStateException e) {
                // The pidfd is watched, so the loop will reap the child; close this pipe there.
                signal(Signal.KILL);
                loop.execute(pipe::close);
                throw e;
            }
        }
    }

    /** Not watched after all: kill and reap it by pid (unreaped, the pid and group id are its own). */
    private void killReapAndClose() {
        synchronized (pidfdLock) {
            Libc.kill(pid, Signal.KILL.number());
            if (group != GroupMode.NONE) {
                Libc.kill(-pid, Signal.KILL.number());
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment info = arena.allocate(LinuxConstants.SIGINFO_SIZE, 8);
                while (Libc.waitid(P_PID, pid, info, WEXITED) == -EINTR) {
                    // retry
                }
            }
            reaped = true;
        }
        OwnedPids.remove(pid);
        alive = false;
        for (PipeReader pipe : pipes) {
            pipe.closeUnregistered();
        }
    }

    private void onPidfdReadable() {
        ExitStatus taken;
        synchronized (pidfdLock) {
            // Under the lock: signalGroup either runs before the reap, while the zombie holds the
            // pid, or after it, when it sends nothing.
            if (reaped) {
                return;
            }
            if (killGroupOnExit) {
                // Peek first: the group may be killed only while the zombie still holds its id.
                if (!exited()) {
                    pidfds.rearm(loop, pidfd, EPOLLIN | EPOLLONESHOT, pidfdToken);
                    return;
                }
                Libc.kill(-pid, Signal.KILL.number());
            }
            taken = reap();
            if (taken == null) {
                pidfds.rearm(loop, pidfd, EPOLLIN | EPOLLONESHOT, pidfdToken);
                return;
            }
            reaped = true;
        }
        // Its table closes the pidfd, which also takes it out of the epoll set.
        loop.forget(pidfdToken);
        pidfds.close(pidfd);
        alive = false;
        OwnedPids.remove(pid);
        status = taken;
        if (openPipes == 0) {
            finish();
        } else {
            grace = loop.schedule(drainGraceNanos, this::cutPipes);
        }
    }

    /**
     * {@code waitid(P_PID, WNOHANG | WNOWAIT)}: whether the child has exited, leaving it unreaped.
     * Loop thread only.
     */
    private boolean exited() {
        MemorySegment info = loop.siginfo();
        info.set(JAVA_INT, LinuxConstants.SI_PID, 0);
        int r;
        do {
            r = Libc.waitid(P_PID, pid, info, WEXITED | WNOHANG | LinuxConstants.WNOWAIT);
        } while (r == -EINTR);
        // An error (the status taken by someone else) is left for reap() to report.
        return r < 0 || info.get(JAVA_INT, LinuxConstants.SI_PID) != 0;
    }

    /** {@code waitid(P_PID, WNOHANG)}: null when the child has not exited after all. Loop thread only. */
    private ExitStatus reap() {
        MemorySegment info = loop.siginfo();
        // With WNOHANG and nothing to report, waitid leaves si_pid as it was: it must read 0 then.
        info.set(JAVA_INT, LinuxConstants.SI_PID, 0);
        int r;
        do {
            r = Libc.waitid(P_PID, pid, info, WEXITED | WNOHANG);
        } while (r == -EINTR);
        if (r < 0) {
            // Only a wait-for-any elsewhere in the JVM could have taken the status.
            LOG.error("waitid for pid {} failed: {}; its exit status is lost", pid, Libc.strerror(-r));
            return new ExitStatus(-1, 0, false);
        }
        if (info.get(JAVA_INT, LinuxConstants.SI_PID) == 0) {
            return null;
        }
        int code = info.get(JAVA_INT, LinuxConstants.SI_CODE);
        int value = info.get(JAVA_INT, LinuxConstants.SI_STATUS);
        return switch (code) {
            case LinuxConstants.CLD_EXITED -> ExitStatus.exited(value);
            case LinuxConstants.CLD_KILLED -> ExitStatus.killed(value, false);
            case LinuxConstants.CLD_DUMPED -> ExitStatus.killed(value, true);
            default -> null;
        };
    }

    private void pipeClosed() {
        openPipes--;
        if (status != null && openPipes == 0) {
            if (grace != null) {
                grace.cancel();
            }
            finish();
        }
    }

    /** The grace after the exit is over: a descendant still holds a pipe. */
    private void cutPipes() {
        for (PipeReader pipe : pipes) {
            if (pipe.isOpen()) {
                LOG.debug("pid {} exited {} ms ago but a descendant keeps its output open; closing it",
                        pid, drainGraceNanos / 1_000_000);
                pipe.drainAndClose();
            }
        }
    }

    private void finish() {
        onFinished.accept(this);
        exit.complete(status);
    }

    /** The launcher is stopping: let go of every descriptor. Loop thread. */
    void abandon() {
        for (PipeReader pipe : pipes) {
            pipe.close();
        }
        loop.forget(pidfdToken);
        if (pidfd >= 0) {
            pidfds.close(pidfd); // a no-op once the table is closed: its thread's end closes them all
        }
        OwnedPids.remove(pid);
        exit.completeExceptionally(new IllegalStateException("launcher closed before pid " + pid + " was reaped"));
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public long startedNanos() {
        return startedNanos;
    }

    @Override
    public long startedEpochMillis() {
        return startedMillis;
    }

    @Override
    public Optional<KernelStart> kernelStart() {
        return earliestStart < 0 ? Optional.empty()
                : Optional.of(new KernelStart(pid, earliestStart, latestStart, group != GroupMode.NONE));
    }

    @Override
    public boolean signal(Signal signal) {
        synchronized (pidfdLock) {
            return !reaped && Libc.kill(pid, signal.number()) == 0;
        }
    }

    /**
     * {@code kill(-pgid)}, only while the leader is unreaped: then its pid, and so the group id,
     * cannot belong to anyone else. After the reap the number may already lead an unrelated group,
     * so nothing is sent (with {@code killGroupOnExit} the group was killed just before the reap).
     */
    @Override
    public boolean signalGroup(Signal signal) {
        if (group == GroupMode.NONE) {
            throw new UnsupportedOperationException("process " + pid + " does not lead a process group");
        }
        synchronized (pidfdLock) {
            return !reaped && Libc.kill(-pid, signal.number()) == 0;
        }
    }

    @Override
    public boolean isAlive() {
        return alive;
    }

    @Override
    public CompletionStage<ExitStatus> onExit() {
        return exit;
    }

    @Override
    public String toString() {
        return "LinuxProcess[pid=" + pid + (alive ? "" : ", " + status) + "]";
    }
}
