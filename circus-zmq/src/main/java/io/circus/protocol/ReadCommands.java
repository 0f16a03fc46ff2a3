package io.circus.protocol;

import io.circus.config.WatcherOptions;
import io.circus.jmx.ArbiterMXBean;
import io.circus.jmx.PluginMXBean;
import io.circus.jmx.SocketInfo;
import io.circus.jmx.WatcherMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Commands that only read: {@code list}, {@code status}, {@code numprocesses}, {@code numwatchers},
 * {@code options}, {@code get}, {@code globaloptions}, {@code listsockets}, plus the two Circus
 * answers without a daemon behind them ({@code listen}, {@code ipython}). Each is one or two
 * attribute reads or INFO operations.
 */
final class ReadCommands {

    /** Circus's {@code globaloptions} order. */
    private static final List<String> GLOBAL_ORDER = List.of("endpoint", "stats_endpoint", "pubsub_endpoint",
            "check_delay", "multicast_endpoint");

    private final Beans beans;

    ReadCommands(Beans beans) {
        this.beans = beans;
    }

    void register(Dispatcher d) {
        d.register("list", Command.Mode.READ, this::list);
        d.register("status", Command.Mode.READ, this::status);
        d.register("numprocesses", Command.Mode.READ, this::numprocesses);
        d.register("numwatchers", Command.Mode.READ, p -> Map.of("numwatchers", beans.arbiter().getNumWatchers()));
        d.register("options", Command.Mode.READ, p -> Map.of("options", watcher(p).getOptions().asMap()));
        d.register("get", Command.Mode.READ, this::get);
        d.register("globaloptions", Command.Mode.READ, this::globaloptions);
        d.register("listsockets", Command.Mode.READ, this::listsockets);
        d.register("listen", Command.Mode.READ, p -> {
            throw CommandError.message("invalid message. use a pub/sub socket");
        });
        d.register("ipython", Command.Mode.READ, p -> {
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("shell", false);
            reply.put("msg", "not supported: there is no Python interpreter in this daemon");
            return reply;
        });
    }

    private WatcherMXBean watcher(Props p) {
        String name = p.requireString("name");
        return beans.watcher(name).orElseThrow(() -> CommandError.message("program " + name + " not found"));
    }

    /** Without a name, the watcher names lower-cased and sorted; with one, its running pids. */
    private Map<String, Object> list(Props p) {
        if (p.string("name").filter(s -> !s.isEmpty()).isPresent()) {
            return Map.of("pids", watcher(p).getPids());
        }
        List<String> names = new ArrayList<>();
        for (String n : beans.arbiter().getWatcherNames()) {
            names.add(n.toLowerCase(Locale.ROOT));
        }
        beans.plugins().keySet().forEach(n -> names.add(("plugin:" + n).toLowerCase(Locale.ROOT)));
        names.sort(null);
        return Map.of("watchers", names);
    }

    /**
     * With a name, the state replaces {@code "ok"} in {@code status}, as Circus answers; while the
     * watcher backs off, a {@code backoff} object follows (Circus clients read only {@code status}).
     */
    private Map<String, Object> status(Props p) {
        if (p.string("name").filter(s -> !s.isEmpty()).isPresent()) {
            String name = p.requireString("name");
            PluginMXBean plugin = name.regionMatches(true, 0, "plugin:", 0, 7) ? beans.plugins().get(name.substring(7)) : null;
            if (plugin != null) {
                return Map.of("status", Beans.pluginStatus(plugin));
            }
            WatcherMXBean w = watcher(p);
            String state = w.getState();
            String flapping = w.getFlapping();
            if (!w.isBackingOff()) {
                return flapping.isEmpty() ? Map.of("status", state) : Map.of("status", state, "flapping", flapping);
            }
            Map<String, Object> backoff = new LinkedHashMap<>();
            backoff.put("slots", w.getBackoffSlots());
            backoff.put("since", w.getBackoffSinceEpochMillis() / 1000.0);
            long next = w.getNextRetryEpochMillis();
            backoff.put("next_retry", next == 0 ? null : next / 1000.0);
            backoff.put("delay", w.getBackoffDelayMillis() / 1000.0);
            backoff.put("reason", w.getBackoffReason());
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("status", state);
            reply.put("backoff", backoff);
            reply.put("flapping", flapping);
            return reply;
        }
        // Circus clients read only "statuses"; "flapping" names the watchers flapping now, with their state.
        Map<String, Object> statuses = new TreeMap<>(beans.arbiter().getStatuses());
        beans.plugins().forEach((n, b) -> statuses.put("plugin:" + n, Beans.pluginStatus(b)));
        Map<String, String> flapping = beans.arbiter().getFlapping();
        return flapping.isEmpty() ? Map.of("statuses", statuses)
                : Map.of("statuses", statuses, "flapping", new TreeMap<>(flapping));
    }

    private Map<String, Object> numprocesses(Props p) {
        Optional<String> name = p.string("name").filter(s -> !s.isEmpty());
        if (name.isEmpty()) {
            return Map.of("numprocesses", beans.arbiter().getNumProcesses());
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("numprocesses", watcher(p).getRunning());
        reply.put("watcher_name", name.get());
        return reply;
    }

    /**
     * The values of some options, in the order asked. A free-form option (one the option table does
     * not know, such as {@code __name__}) fails with errno 5 as in Circus.
     */
    private Map<String, Object> get(Props p) {
        WatcherMXBean w = watcher(p);
        List<String> keys = p.strings("keys");
        if (keys.isEmpty()) {
            throw CommandError.missing("keys");
        }
        Map<String, Object> values = w.get(keys.toArray(String[]::new)).asMap();
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String key : keys) {
            if (!WatcherOptions.isKnown(key) && !isReported(key)) {
                throw CommandError.generic(p.request(), "'Watcher' object has no attribute " + PythonRepr.strRepr(key)
                        + " (a free-form option, shown by options but not readable with get)");
            }
            ordered.put(key, values.get(key));
        }
        return Map.of("options", ordered);
    }

    /** Keys of Circus's {@code options} reply that are not settable options. */
    private static boolean isReported(String key) {
        return Arrays.asList("shell_args", "executable", "use_sockets", "priority", "stdout_stream_conf",
                "stderr_stream_conf", "on_demand").contains(key);
    }

    private Map<String, Object> globaloptions(Props p) {
        Map<String, Object> all = beans.arbiter().globalOptions(p.string("option").orElse("")).asMap();
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String key : GLOBAL_ORDER) {
            if (all.containsKey(key)) {
                ordered.put(key, all.get(key));
            }
        }
        all.forEach(ordered::putIfAbsent);
        return Map.of("options", ordered);
    }

    private Map<String, Object> listsockets(Props p) {
        ArbiterMXBean arbiter = beans.arbiter();
        List<Map<String, Object>> sockets = new ArrayList<>();
        for (SocketInfo s : arbiter.listSockets()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fd", s.fd());
            m.put("name", s.name());
            m.put("backlog", s.backlog());
            if (s.path() != null) {
                m.put("path", s.path());
            } else {
                m.put("host", s.host());
                m.put("port", s.port());
            }
            sockets.add(m);
        }
        return Map.of("sockets", sockets);
    }
}
