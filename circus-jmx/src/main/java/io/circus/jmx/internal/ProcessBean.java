package io.circus.jmx.internal;

import io.circus.event.Event;
import io.circus.jmx.ProcessMXBean;
import io.circus.jmx.ProcessStats;
import io.circus.jmx.StateCodes;
import io.circus.process.ExitStatus;
import io.circus.runtime.ProcessState;
import io.circus.runtime.SupervisedProcess;
import io.circus.runtime.Watcher;
import io.circus.stats.ProcessInfo;
import java.util.Optional;
import javax.management.ObjectName;

/**
 * A Process bean: one slot (wid) of a watcher. The slot object behind it is swapped when the
 * runtime recreates a slot with the same wid, so the name, and the listeners on it, stay.
 *
 * <p>Besides reading the slot, it remembers what only events say: the cause of the last exit, and
 * the last State it announced (for AttributeChangeNotification). Those two fields are written only
 * by the dispatcher thread and read by any.
 */
final class ProcessBean implements ProcessMXBean {

    private final AgentContext ctx;
    private final Emitter emitter;
    private volatile SupervisedProcess slot;
    private volatile String exitCause;
    private volatile String announcedState;

    ProcessBean(AgentContext ctx, SupervisedProcess slot, Emitter emitter) {
        this.ctx = ctx;
        this.slot = slot;
        this.emitter = emitter;
        this.announcedState = slot.state().label();
    }

    SupervisedProcess slot() {
        return slot;
    }

    /** The name this bean is registered under. */
    ObjectName name() {
        return emitter.name();
    }

    void slot(SupervisedProcess s) {
        slot = s;
    }

    /** Called on the dispatcher thread for each spawn, kill, reap or spawn_failed of this slot. */
    void onEvent(EventNotifications.Content content) {
        Event event = content.event();
        boolean listened = emitter.listened();
        if (listened) {
            emitter.send(EventNotifications.of(content, emitter.name()));
        }
        String state = switch (event.type()) {
            case SPAWN -> ProcessState.RUNNING.label();
            case KILL -> ProcessState.STOPPING.label();
            case REAP -> ProcessState.EXITED.label();
            default -> null;
        };
        if (event.fields().get("cause") instanceof String cause) {
            exitCause = cause;
        }
        if (state != null && !state.equals(announcedState)) {
            String previous = announcedState;
            announcedState = state;
            if (listened) {
                emitter.send(EventNotifications.stateChange(emitter.name(), event, previous, state));
            }
        }
    }

    // ---- attributes ---------------------------------------------------------------------------

    @Override public String getWatcher() { return slot.watcherName(); }
    @Override public int getWid() { return slot.wid(); }
    @Override public long getPid() { return slot.pid(); }
    @Override public String getState() { return slot.state().label(); }
    @Override public int getStateCode() { return StateCodes.of(slot.state()); }
    @Override public int getRestarts() { return slot.restarts(); }
    @Override public String getExitCause() { return exitCause; }

    @Override
    public long getStartTime() {
        return running(slot) ? slot.startedEpochMillis() : 0;
    }

    @Override
    public String getStartTimeIso() {
        long millis = getStartTime();
        return millis == 0 ? "" : java.time.Instant.ofEpochMilli(millis).toString();
    }

    @Override
    public double getCpuSeconds() {
        return sample().map(i -> i.cpuTimeMillis() / 1000.0).orElse(0.0);
    }

    @Override
    public long getUptimeSeconds() {
        SupervisedProcess s = slot;
        return running(s) ? Math.max(0, System.nanoTime() - s.startedNanos()) / 1_000_000_000L : 0;
    }

    @Override
    public double getCpuPercent() {
        return sample().map(ProcessInfo::cpuPercent).orElse(0.0);
    }

    @Override
    public long getRssBytes() {
        return sample().map(ProcessInfo::rssBytes).orElse(0L);
    }

    private Optional<ProcessInfo> sample() {
        SupervisedProcess s = slot;
        return running(s) ? ctx.stats().sampler().sample(s.pid()) : Optional.empty();
    }

    @Override
    public Integer getExitCode() {
        ExitStatus last = slot.lastExit();
        return last == null ? null : last.circusExitCode();
    }

    @Override
    public String getCmdline() {
        return String.join(" ", slot.commandLine());
    }

    @Override
    public String[] getArgv() {
        return slot.commandLine().toArray(String[]::new);
    }

    private static boolean running(SupervisedProcess s) {
        return s.pid() != 0 && (s.state() == ProcessState.RUNNING || s.state() == ProcessState.STOPPING);
    }

    // ---- operations ---------------------------------------------------------------------------

    @Override
    public long[] signal(String signum, boolean children, boolean recursive) {
        return ProcessSignals.signal(ctx, watcher(), signum, runningPid(), 0, children, recursive);
    }

    @Override
    public String[] sendSignal(String signum) {
        return java.util.Arrays.stream(signal(signum, false, false)).mapToObj(Long::toString).toArray(String[]::new);
    }

    @Override
    public long[] kill(String signum, double gracefulTimeout, boolean waiting) {
        return ProcessSignals.kill(ctx, watcher(), runningPid(), signum, gracefulTimeout, waiting);
    }

    @Override
    public ProcessStats stats() {
        SupervisedProcess s = slot;
        return ctx.stats().of(s).orElseThrow(() -> new IllegalArgumentException(
                "wid " + s.wid() + " of '" + s.watcherName() + "' has no running process"));
    }

    private Watcher watcher() {
        return WatcherSelector.require(ctx.arbiter(), slot.watcherName());
    }

    private long runningPid() {
        SupervisedProcess s = slot;
        if (!running(s)) {
            throw new IllegalArgumentException("wid " + s.wid() + " of '" + s.watcherName() + "' has no running process");
        }
        return s.pid();
    }
}
