package io.circus.jmx.metrics;

import io.circus.jmx.CircusNames;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the Arbiter, Watcher and Process beans at each scrape (one getAttributes call per bean) and
 * turns them into metric families. A bean that disappears during the scrape (a process slot removed
 * by decr) is skipped, not an error.
 *
 * <p>Threading: called on the scraping HTTP thread; several scrapes may run at once, each with its
 * own families, so nothing is shared.
 */
final class MBeanCollector implements MultiCollector {

    private static final Logger LOG = LoggerFactory.getLogger(MBeanCollector.class);
    private static final String[] ARBITER = {"StartTime", "LastEventSeq", "LostNotifications", "NumWatchers"};
    private static final String[] WATCHER = {"Name", "Running", "NumProcesses", "StateCode", "RestartCount"};
    private static final String[] PROCESS = {"Watcher", "Wid", "Pid", "StateCode", "CpuSeconds", "RssBytes",
            "StartTime", "Restarts", "ExitCode"};

    private final MBeanServerConnection server;

    MBeanCollector(MBeanServerConnection server) {
        this.server = server;
    }

    @Override
    public MetricSnapshots collect() {
        try {
            return snapshots();
        } catch (IOException | JMException e) {
            LOG.warn("metrics: cannot read the Circus MBeans: {}", e.toString());
            return new MetricSnapshots();
        }
    }

    private MetricSnapshots snapshots() throws IOException, JMException {
        Families f = new Families();
        Values a = read(CircusNames.ARBITER, ARBITER);
        if (a != null) {
            Labels none = Labels.EMPTY;
            f.gauge("circus_arbiter_start_time_seconds", "When the daemon started, seconds since the epoch",
                    Unit.SECONDS).add(none, a.num("StartTime") / 1000.0);
            f.counter("circus_events", "Events published since the daemon started (sequence number of the latest)",
                    null).add(none, a.num("LastEventSeq"));
            f.counter("circus_notifications_lost", "Events that could not become JMX notifications (queue full)",
                    null).add(none, a.num("LostNotifications"));
            f.gauge("circus_watchers", "Number of watchers", null).add(none, a.num("NumWatchers"));
        }
        for (ObjectName name : sorted(CircusNames.WATCHERS)) {
            Values w = read(name, WATCHER);
            if (w == null) {
                continue;
            }
            Labels l = Labels.of("watcher", w.text("Name"));
            f.gauge("circus_watcher_processes", "Processes running or stopping", null).add(l, w.num("Running"));
            f.gauge("circus_watcher_desired_processes", "Target number of processes (numprocesses)", null)
                    .add(l, w.num("NumProcesses"));
            f.gauge("circus_watcher_state", "0 stopped, 1 active, 2 starting, 3 stopping", null)
                    .add(l, w.num("StateCode"));
            f.counter("circus_watcher_restarts", "Respawns after exits the daemon did not ask for", null)
                    .add(l, w.num("RestartCount"));
        }
        for (ObjectName name : sorted(CircusNames.PROCESSES)) {
            Values p = read(name, PROCESS);
            if (p == null) {
                continue;
            }
            Labels l = Labels.of("watcher", p.text("Watcher"), "wid", Long.toString((long) p.num("Wid")));
            f.gauge("circus_process_state", "0 exited, 1 running, 2 spawning, 3 stopping", null)
                    .add(l, p.num("StateCode"));
            f.gauge("circus_process_pid", "Process id of the slot's current (or last) process, 0 before the first",
                    null).add(l, p.num("Pid"));
            f.counter("circus_process_cpu_seconds", "User plus system CPU time of the current process",
                    Unit.SECONDS).add(l, p.num("CpuSeconds"));
            f.gauge("circus_process_resident_memory_bytes", "Resident memory of the current process", Unit.BYTES)
                    .add(l, p.num("RssBytes"));
            f.gauge("circus_process_start_time_seconds", "When the current process started, seconds since the "
                    + "epoch; 0 when none runs", Unit.SECONDS).add(l, p.num("StartTime") / 1000.0);
            f.counter("circus_process_restarts", "Respawns of this slot after exits the daemon did not ask for",
                    null).add(l, p.num("Restarts"));
            if (p.has("ExitCode")) {
                f.gauge("circus_process_last_exit_code", "Exit code of the slot's previous process (negative: "
                        + "killed by that signal); absent before the first exit", null).add(l, p.num("ExitCode"));
            }
        }
        return f.build();
    }

    private Set<ObjectName> sorted(ObjectName pattern) throws IOException {
        return new TreeSet<>(server.queryNames(pattern, null));
    }

    private Values read(ObjectName name, String[] attributes) throws IOException, JMException {
        try {
            AttributeList list = server.getAttributes(name, attributes);
            return new Values(list.asList());
        } catch (InstanceNotFoundException gone) {
            return null;
        }
    }

    /** The attributes of one bean, by name. */
    private record Values(List<Attribute> list) {
        Object get(String name) {
            for (Attribute a : list) {
                if (a.getName().equals(name)) {
                    return a.getValue();
                }
            }
            return null;
        }

        boolean has(String name) {
            return get(name) != null;
        }

        double num(String name) {
            return get(name) instanceof Number n ? n.doubleValue() : 0;
        }

        String text(String name) {
            return String.valueOf(get(name));
        }
    }

    /** Families in first-use order; a family with no data point is still declared (typed, with help). */
    private static final class Families {
        private final java.util.Map<String, Family> byName = new java.util.LinkedHashMap<>();

        Family gauge(String name, String help, Unit unit) {
            return byName.computeIfAbsent(name, n -> new Family(n, help, unit, false));
        }

        Family counter(String name, String help, Unit unit) {
            return byName.computeIfAbsent(name, n -> new Family(n, help, unit, true));
        }

        MetricSnapshots build() {
            List<MetricSnapshot> out = new ArrayList<>();
            byName.values().forEach(fam -> out.add(fam.build()));
            return new MetricSnapshots(out);
        }
    }
}
