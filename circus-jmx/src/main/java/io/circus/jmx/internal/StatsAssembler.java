package io.circus.jmx.internal;

import io.circus.jmx.ProcessStats;
import io.circus.jmx.ProcessUsage;
import io.circus.runtime.ProcessState;
import io.circus.runtime.SupervisedProcess;
import io.circus.runtime.Watcher;
import io.circus.stats.CircusFormat;
import io.circus.stats.ProcessInfo;
import io.circus.stats.ProcessSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds Circus's {@code stats} / {@code dstats} records from /proc samples and the runtime's view. */
final class StatsAssembler {

    private final ProcessSampler sampler;

    StatsAssembler(ProcessSampler sampler) {
        this.sampler = sampler;
    }

    ProcessSampler sampler() {
        return sampler;
    }

    /** Every running process of the watcher; vanished ones are left out. */
    List<ProcessStats> of(Watcher watcher) {
        List<ProcessStats> stats = new ArrayList<>();
        for (SupervisedProcess p : watcher.processes()) {
            of(p).ifPresent(stats::add);
        }
        return stats;
    }

    /** One slot's current process, if it runs. */
    Optional<ProcessStats> of(SupervisedProcess p) {
        if (p.pid() == 0 || p.state() == ProcessState.EXITED || p.state() == ProcessState.SPAWNING) {
            return Optional.empty();
        }
        return sampler.sample(p.pid()).map(info -> {
            long now = System.currentTimeMillis();
            List<ProcessUsage> children = sampler.children(p.pid()).stream().map(c -> usage(c, now)).toList();
            return new ProcessStats(p.watcherName(), p.wid(), info.pid(), info.name(), info.username(), info.nice(),
                    info.cpuPercent(), info.memPercent(), CircusFormat.bytes(info.rssBytes()),
                    CircusFormat.bytes(info.vmsBytes()), info.rssBytes(), info.vmsBytes(),
                    CircusFormat.ctime(info.cpuTimeMillis()), info.createEpochMillis() / 1000.0,
                    p.startedEpochMillis() / 1000.0, Math.max(0, now - p.startedEpochMillis()) / 1000.0, children);
        });
    }

    /** The daemon itself; Circus's dstats has no children. */
    ProcessUsage daemon() {
        long pid = ProcessHandle.current().pid();
        ProcessInfo info = sampler.sample(pid).orElseThrow(
                () -> new IllegalStateException("cannot read /proc/" + pid + " (not Linux?)"));
        return usage(info, System.currentTimeMillis());
    }

    private static ProcessUsage usage(ProcessInfo info, long now) {
        return new ProcessUsage(info.pid(), info.name(), info.username(), info.nice(), info.cpuPercent(),
                info.memPercent(), CircusFormat.bytes(info.rssBytes()), CircusFormat.bytes(info.vmsBytes()),
                info.rssBytes(), info.vmsBytes(), CircusFormat.ctime(info.cpuTimeMillis()),
                info.createEpochMillis() / 1000.0, Math.max(0, now - info.createEpochMillis()) / 1000.0);
    }
}
