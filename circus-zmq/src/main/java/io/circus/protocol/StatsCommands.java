package io.circus.protocol;

import io.circus.jmx.ArbiterMXBean;
import io.circus.jmx.ProcessStats;
import io.circus.jmx.ProcessUsage;
import io.circus.jmx.WatcherMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stats} and {@code dstats}: process figures from the MBeans' INFO operations, laid out as
 * Circus's {@code get_info} objects keyed by pid strings. They read /proc for every process
 * concerned, so they run on a thread of their own.
 */
final class StatsCommands {

    private final Beans beans;

    StatsCommands(Beans beans) {
        this.beans = beans;
    }

    void register(Dispatcher d) {
        d.register("stats", Command.Mode.SLOW, this::stats);
        d.register("dstats", Command.Mode.SLOW, p -> Map.of("info", usage(beans.arbiter().dstats())));
    }

    /**
     * Three forms: every watcher ({@code infos}, stopped ones as {@code {}}), one watcher
     * ({@code name}, {@code info} by pid) and one process ({@code process} as sent, {@code info}).
     * With {@code extended}, the watcher's extended_stats hook adds to each process's info (forms 2 and 3
     * only, as in Circus).
     */
    private Map<String, Object> stats(Props p) {
        boolean extended = p.flag("extended", false);
        if (p.string("name").filter(s -> !s.isEmpty()).isEmpty()) {
            ArbiterMXBean arbiter = beans.arbiter();
            Map<String, Object> infos = new LinkedHashMap<>();
            for (String name : arbiter.getWatcherNames()) {
                infos.put(name, new LinkedHashMap<String, Object>());
            }
            // A plugin runs inside the daemon: its watcher entry has no process of its own.
            beans.plugins().keySet().forEach(n -> infos.put("plugin:" + n, new LinkedHashMap<String, Object>()));
            for (ProcessStats s : arbiter.stats()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> byPid = (Map<String, Object>) infos.computeIfAbsent(s.watcher(),
                        k -> new LinkedHashMap<String, Object>());
                byPid.put(Long.toString(s.pid()), info(s));
            }
            return Map.of("infos", infos);
        }
        String name = p.requireString("name");
        if (name.regionMatches(true, 0, "plugin:", 0, 7) && beans.plugins().containsKey(name.substring(7))) {
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("name", name);
            reply.put("info", Map.of());
            return reply;
        }
        WatcherMXBean w = beans.watcher(name).orElseThrow(() -> CommandError.message("program " + name + " not found"));
        Map<String, Object> reply = new LinkedHashMap<>();
        if (p.has("process")) {
            long pid = p.pid("process");
            reply.put("process", WireJson.toJava(p.raw("process")));
            reply.put("info", extend(w, extended, info(w.processStats(pid))));
            return reply;
        }
        Map<String, Object> byPid = new LinkedHashMap<>();
        for (ProcessStats s : w.stats()) {
            byPid.put(Long.toString(s.pid()), extend(w, extended, info(s)));
        }
        reply.put("name", name);
        reply.put("info", byPid);
        return reply;
    }

    /** The info with what the extended_stats hook added; numbers stay numbers. */
    private static Map<String, Object> extend(WatcherMXBean w, boolean extended, Map<String, Object> info) {
        if (extended) {
            w.extendedStats(((Number) info.get("pid")).longValue()).forEach((k, v) -> info.put(k, number(v)));
        }
        return info;
    }

    private static Object number(String v) {
        try {
            return v.matches("-?\\d{1,18}") ? (Object) Long.parseLong(v) : v.matches("-?\\d+\\.\\d+([eE]-?\\d+)?")
                    ? (Object) Double.parseDouble(v) : v;
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /** A managed process: {@code get_info} plus {@code started} and {@code wid}, age counted from the spawn. */
    static Map<String, Object> info(ProcessStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mem_info1", s.memInfo1());
        m.put("mem_info2", s.memInfo2());
        m.put("cpu", s.cpu());
        m.put("mem", s.mem());
        m.put("ctime", s.ctime());
        m.put("pid", s.pid());
        m.put("username", s.username());
        m.put("nice", s.nice());
        m.put("create_time", s.createTime());
        m.put("age", s.age());
        m.put("cmdline", s.cmdline());
        List<Object> children = new ArrayList<>();
        for (ProcessUsage c : s.children()) {
            children.add(usage(c));
        }
        m.put("children", children);
        m.put("started", s.started());
        m.put("wid", s.wid());
        return m;
    }

    /** The daemon or a child: {@code get_info}'s fields, with an empty {@code children} as Circus's dstats. */
    static Map<String, Object> usage(ProcessUsage u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mem_info1", u.memInfo1());
        m.put("mem_info2", u.memInfo2());
        m.put("cpu", u.cpu());
        m.put("mem", u.mem());
        m.put("ctime", u.ctime());
        m.put("pid", u.pid());
        m.put("username", u.username());
        m.put("nice", u.nice());
        m.put("create_time", u.createTime());
        m.put("age", u.age());
        m.put("cmdline", u.cmdline());
        m.put("children", List.of());
        return m;
    }
}
