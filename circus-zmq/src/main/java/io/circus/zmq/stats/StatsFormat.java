package io.circus.zmq.stats;

import io.circus.stats.CircusFormat;
import io.circus.stats.ProcessInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payloads circusd-stats publishes ({@code circus/stats/collector.py}): a per-process
 * {@code get_info} object with {@code subtopic} and {@code name} added, and per group an aggregate
 * of cpu (mean), mem (sum) and age (oldest). Key order follows circusd-stats.
 */
final class StatsFormat {

    private StatsFormat() {
    }

    /** {@code util.get_info}: the same fields as a {@code stats} reply, age counted from the OS start time. */
    static Map<String, Object> info(ProcessInfo p, List<ProcessInfo> children, long nowMillis) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mem_info1", CircusFormat.bytes(p.rssBytes()));
        m.put("mem_info2", CircusFormat.bytes(p.vmsBytes()));
        m.put("cpu", p.cpuPercent());
        m.put("mem", p.memPercent());
        m.put("ctime", CircusFormat.ctime(p.cpuTimeMillis()));
        m.put("pid", p.pid());
        m.put("username", p.username());
        m.put("nice", p.nice());
        m.put("create_time", p.createEpochMillis() / 1000.0);
        m.put("age", age(p, nowMillis));
        m.put("cmdline", p.name());
        List<Map<String, Object>> kids = new ArrayList<>();
        for (ProcessInfo c : children) {
            kids.add(info(c, List.of(), nowMillis));
        }
        m.put("children", kids);
        return m;
    }

    /** The {@code stat.<group>.<pid>} payload. */
    static Map<String, Object> process(ProcessInfo p, List<ProcessInfo> children, String name, long nowMillis) {
        Map<String, Object> m = info(p, children, nowMillis);
        m.put("subtopic", p.pid());
        m.put("name", name);
        return m;
    }

    /** The {@code stat.<group>} payload over the processes that could be read. */
    static Map<String, Object> aggregate(List<ProcessInfo> processes, long nowMillis) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Long> pids = new ArrayList<>();
        double cpu = 0;
        double mem = 0;
        double age = -1;
        for (ProcessInfo p : processes) {
            pids.add(p.pid());
            cpu += p.cpuPercent();
            mem += p.memPercent();
            age = Math.max(age, age(p, nowMillis));
        }
        m.put("pid", pids);
        m.put("cpu", processes.isEmpty() ? 0.0 : cpu / processes.size());
        m.put("mem", CircusFormat.percent3(mem));
        m.put("age", age < 0 ? "N/A" : age);
        return m;
    }

    /** The {@code stat.sockets.<fd>} payload. */
    static Map<String, Object> socket(int fd, long reads, String address) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fd", fd);
        m.put("subtopic", fd);
        m.put("reads", reads);
        m.put("address", address);
        return m;
    }

    /** The {@code stat.sockets} payload. */
    static Map<String, Object> sockets(List<String> addresses, long reads) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("addresses", addresses);
        m.put("reads", reads);
        return m;
    }

    static double age(ProcessInfo p, long nowMillis) {
        return Math.max(0, nowMillis - p.createEpochMillis()) / 1000.0;
    }
}
