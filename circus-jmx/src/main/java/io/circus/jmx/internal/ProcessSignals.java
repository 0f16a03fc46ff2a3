package io.circus.jmx.internal;

import io.circus.process.Signal;
import io.circus.runtime.Watcher;
import java.time.Duration;
import java.util.List;

/**
 * The {@code signal} and {@code kill} commands, shared by the Watcher and Process beans. Input is
 * checked before anything is sent, so a bad signal name or a foreign pid changes nothing.
 */
final class ProcessSignals {

    private ProcessSignals() {
    }

    static long[] signal(AgentContext ctx, Watcher w, String signum, long pid, long childpid, boolean children,
                         boolean recursive) {
        Signal signal = parse(signum);
        if (childpid != 0) {
            return signalChild(ctx, w, signal, pid, childpid);
        }
        requireManaged(w, pid);
        List<Long> sent = ctx.completion().await(w.signal(signal, pid, children, recursive), "signal " + w.name());
        return toArray(sent);
    }

    /** Circus's childpid: one direct child of one managed process. */
    private static long[] signalChild(AgentContext ctx, Watcher w, Signal signal, long pid, long childpid) {
        if (pid == 0) {
            throw new IllegalArgumentException("cannot specify childpid without pid");
        }
        requireManaged(w, pid);
        boolean child = ProcessHandle.of(childpid).flatMap(ProcessHandle::parent).map(p -> p.pid() == pid).orElse(false);
        if (!child) {
            throw new IllegalArgumentException("process " + childpid + " is not a child of " + pid);
        }
        if (!ctx.arbiter().launcher().signalPid(childpid, signal)) {
            throw new IllegalArgumentException("process " + childpid + " does not exist");
        }
        return new long[] {childpid};
    }

    static long[] kill(AgentContext ctx, Watcher w, long pid, String signum, double gracefulSeconds, boolean waiting) {
        Signal signal = signum == null || signum.isBlank() ? null : parse(signum);
        Duration graceful = gracefulSeconds < 0 || Double.isNaN(gracefulSeconds) ? null
                : Duration.ofNanos((long) (gracefulSeconds * 1e9));
        requireManaged(w, pid);
        List<Long> targets = pid != 0 ? List.of(pid) : w.pids();
        List<Long> killed = ctx.completion().await(waiting, w.kill(pid, signal, graceful), "kill " + w.name());
        return toArray(killed != null ? killed : targets);
    }

    static Signal parse(String signum) {
        try {
            return Signal.parse(signum);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static void requireManaged(Watcher w, long pid) {
        if (pid != 0 && w.process(pid).isEmpty()) {
            throw new IllegalArgumentException("process " + pid + " not found in '" + w.name() + "'");
        }
    }

    private static long[] toArray(List<Long> pids) {
        return pids.stream().mapToLong(Long::longValue).toArray();
    }
}
