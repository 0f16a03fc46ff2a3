package io.circus.runtime.takeover;

import io.circus.config.WatcherConfig;
import io.circus.runtime.takeover.TakenOver.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops what a previous daemon left running, before this one binds a socket or starts a watcher.
 *
 * <p>A recorded process is ours only while {@code /proc/<pid>/stat} shows the recorded start time (in
 * the same boot); that is checked again right before every signal. Its group is ours while the leader
 * is, or, once the leader is gone, while the pid is not used by another process: Linux does not give a
 * pid to a new process while a group of that number has members. Every left-over process gets its
 * watcher's stop signal (the watcher in the current configuration, else what was recorded), all at
 * once; after graceful_timeout, SIGKILL to it and its group; descendants left in the group of a leader
 * that exited are killed at once, as the live daemon does when it reaps a leader.
 *
 * <p>Threading: runs on the caller's thread and blocks until every process is gone (or survived
 * SIGKILL for {@link #KILL_WAIT}).
 */
public final class Takeover {

    private static final Logger LOG = LoggerFactory.getLogger(Takeover.class);
    private static final int SIGKILL = 9;
    static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

    private final PreviousLife life;
    private final Function<String, WatcherConfig> current;

    private static final class Target {
        final ProcessRecord record;
        final int signal;
        final long started = System.nanoTime();
        long deadline;
        boolean escalated;
        boolean leaderGoneAtStart;
        /** The leader is gone and its group is being SIGKILLed; the deadline is then the kill's. */
        boolean groupKilled;

        Target(ProcessRecord record, int signal, Duration graceful) {
            this.record = record;
            this.signal = signal;
            this.deadline = started + graceful.toNanos();
        }
    }

    private Takeover(PreviousLife life, Function<String, WatcherConfig> current) {
        this.life = life;
        this.current = current;
    }

    /**
     * Takes over from the daemon that wrote {@code life}.
     *
     * @param current the current configuration of a watcher by name, or null when it is not configured
     * @throws IllegalStateException when the daemon that wrote the file is still running: it is not a
     *                               previous life, and its children are not ours to stop
     */
    public static TakeoverReport run(PreviousLife life, Function<String, WatcherConfig> current) {
        if (life == null) {
            return TakeoverReport.none(null);
        }
        return new Takeover(life, current).run();
    }

    private TakeoverReport run() {
        String boot = ProcStat.bootId();
        if (!boot.equals(life.bootId())) {
            LOG.info("state file {} is from another boot; nothing survived it", life.file());
            return TakeoverReport.none(life.file());
        }
        long self = ProcessHandle.current().pid();
        ProcStat writer = ProcStat.read(life.daemonPid());
        if (life.daemonPid() != self && writer != null && !writer.zombie() && writer.startTicks() == life.daemonStart()) {
            throw new IllegalStateException("circusd pid " + life.daemonPid() + " is still running on this configuration "
                    + "(state file " + life.file() + "); stop it first");
        }
        if (life.skipped() > 0) {
            LOG.warn("state file {}: {} unreadable line(s) skipped", life.file(), life.skipped());
        }
        Map<Long, ProcStat> procs = ProcStat.all();
        Map<Long, Integer> members = groupSizes(procs);
        List<Target> targets = new ArrayList<>();
        int gone = 0;
        int notOurs = 0;
        int released = 0;
        for (ProcessRecord r : life.processes()) {
            if (r.released()) {
                released++;
                continue;
            }
            ProcStat now = procs.get(r.pid());
            if (now != null && !r.startedAt(now.startTicks())) {
                LOG.info("takeover: pid {} ({} wid {}) is now another process; left alone", r.pid(), r.watcher(), r.wid());
                notOurs++;
                continue;
            }
            boolean leaderAlive = now != null && !now.zombie();
            if (!leaderAlive && !(r.leadsGroup() && members.getOrDefault(r.pid(), 0) > 0)) {
                gone++;
                continue;
            }
            WatcherConfig c = current.apply(r.watcher());
            int signal = c != null ? c.stopSignal().number() : r.stopSignal();
            Target t = new Target(r, leaderAlive ? signal : SIGKILL, c != null ? c.gracefulTimeout() : r.graceful());
            t.leaderGoneAtStart = !leaderAlive;
            targets.add(t);
        }
        for (Target t : targets) {
            firstSignal(t);
        }
        List<TakenOver> outcomes = awaitGone(targets);
        TakeoverReport report = new TakeoverReport(life.file(), life.daemonPid(), outcomes, gone, notOurs, released);
        if (!outcomes.isEmpty() || notOurs > 0) {
            LOG.warn(report.summary());
        }
        return report;
    }

    private void firstSignal(Target t) {
        ProcessRecord r = t.record;
        if (t.leaderGoneAtStart) {
            LOG.warn("takeover: {} (left by crashed circusd pid {}) is gone but its process group {} is not; "
                    + "killing the group", r, life.daemonPid(), r.pgid());
            killGroup(r);
            return;
        }
        LOG.warn("takeover: stopping pid {} ({} wid {}, left by crashed circusd pid {}) with signal {}",
                r.pid(), r.watcher(), r.wid(), life.daemonPid(), t.signal);
        if (r.stopChildren() && r.leadsGroup()) {
            killGroup(r, t.signal);
        } else {
            killLeader(r, t.signal);
        }
    }

    private List<TakenOver> awaitGone(List<Target> targets) {
        List<TakenOver> outcomes = new ArrayList<>();
        List<Target> pending = new ArrayList<>(targets);
        while (!pending.isEmpty()) {
            Map<Long, ProcStat> procs = ProcStat.all();
            Map<Long, Integer> members = groupSizes(procs);
            long now = System.nanoTime();
            for (Iterator<Target> it = pending.iterator(); it.hasNext(); ) {
                TakenOver done = step(it.next(), procs, members, now);
                if (done != null) {
                    outcomes.add(done);
                    it.remove();
                }
            }
            if (!pending.isEmpty()) {
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
        return outcomes;
    }

    /** One round for one process: signals what is due; returns its outcome once it is over, else null. */
    private TakenOver step(Target t, Map<Long, ProcStat> procs, Map<Long, Integer> members, long now) {
        ProcessRecord r = t.record;
        ProcStat leader = procs.get(r.pid());
        boolean leaderAlive = leader != null && !leader.zombie() && r.startedAt(leader.startTicks());
        int left = r.leadsGroup() ? members.getOrDefault(r.pid(), 0) - (leaderAlive ? 1 : 0) : 0;
        boolean pidReused = leader != null && !r.startedAt(leader.startTicks());
        if (!leaderAlive && (left <= 0 || pidReused)) {
            // With the pid back in use, the group emptied at some point: what has that number now is not ours.
            Outcome o = t.leaderGoneAtStart ? Outcome.GROUP_KILLED : t.escalated ? Outcome.KILLED : Outcome.STOPPED;
            LOG.info("takeover: pid {} ({} wid {}) {}", r.pid(), r.watcher(), r.wid(), o.label());
            return new TakenOver(r, o, t.signal, (now - t.started) / 1_000_000);
        }
        if (!leaderAlive && !t.groupKilled) {
            t.groupKilled = true;
            t.deadline = now + KILL_WAIT.toNanos();
        }
        if ((t.escalated || t.groupKilled) && now - t.deadline >= 0) {
            LOG.error("takeover: {} (process group {}) survives SIGKILL; starting anyway", r, r.pgid());
            return new TakenOver(r, Outcome.SURVIVED, t.signal, (now - t.started) / 1_000_000);
        }
        if (!leaderAlive) {
            killGroup(r); // The live daemon kills a reaped leader's group too.
        } else if (!t.escalated && now - t.deadline >= 0) {
            LOG.warn("takeover: pid {} ({} wid {}) did not stop within graceful_timeout, sending SIGKILL",
                    r.pid(), r.watcher(), r.wid());
            killGroup(r);
            killLeader(r, SIGKILL);
            t.escalated = true;
            t.deadline = now + KILL_WAIT.toNanos();
        }
        return null;
    }

    /** Signals the recorded process itself, only if it still is that process. */
    private static void killLeader(ProcessRecord r, int signal) {
        ProcStat s = ProcStat.read(r.pid());
        if (s != null && !s.zombie() && r.startedAt(s.startTicks())) {
            KillCall.kill(r.pid(), signal);
        }
    }

    private static void killGroup(ProcessRecord r) {
        killGroup(r, SIGKILL);
    }

    /**
     * Signals the recorded process's group: only a group it led, and only while its pid is either
     * still that process or unused (a used pid means the group emptied and the number came back).
     */
    private static void killGroup(ProcessRecord r, int signal) {
        if (!r.leadsGroup()) {
            return;
        }
        ProcStat s = ProcStat.read(r.pid());
        if (s == null || r.startedAt(s.startTicks())) {
            KillCall.kill(-r.pgid(), signal);
        }
    }

    private static Map<Long, Integer> groupSizes(Map<Long, ProcStat> procs) {
        Map<Long, Integer> sizes = new HashMap<>();
        for (ProcStat p : procs.values()) {
            if (!p.zombie()) {
                sizes.merge(p.pgid(), 1, Integer::sum);
            }
        }
        return sizes;
    }
}
