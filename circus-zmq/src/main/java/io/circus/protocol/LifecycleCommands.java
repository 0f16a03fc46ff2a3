package io.circus.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circus.jmx.ArbiterMXBean;
import io.circus.jmx.PidChanges;
import io.circus.jmx.WatcherMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Commands that start, stop or reshape watchers: {@code add}, {@code rm}, {@code start},
 * {@code stop}, {@code restart}, {@code reload}, {@code reloadconfig}, {@code quit}. Each maps onto
 * one Arbiter or Watcher MBean operation; {@code waiting} is passed through, so the operation
 * blocks this command's thread (never the channel) until the work is done.
 */
final class LifecycleCommands {

    private final Beans beans;

    LifecycleCommands(Beans beans) {
        this.beans = beans;
    }

    void register(Dispatcher d) {
        d.register("add", Command.Mode.WAITS, this::add);
        d.register("rm", Command.Mode.WAITS, this::rm);
        d.register("start", Command.Mode.WAITS, p -> lifecycle(p, "start"));
        d.register("stop", Command.Mode.WAITS, p -> lifecycle(p, "stop"));
        d.register("restart", Command.Mode.WAITS, p -> lifecycle(p, "restart"));
        d.register("reload", Command.Mode.WAITS, this::reload);
        d.register("reloadconfig", Command.Mode.WAITS, p -> {
            beans.arbiter().reloadConfig(p.request().waiting());
            return Map.of();
        });
        d.register("quit", Command.Mode.WAITS, p -> {
            beans.arbiter().quit(p.request().waiting());
            return Map.of();
        });
    }

    /** Arbiter.addWatcher; with start and waiting, Circus's top-level {@code started}/{@code kept}. */
    private Map<String, Object> add(Props p) {
        String name = p.requireString("name");
        String cmd = p.requireString("cmd");
        JsonNode args = p.raw("args");
        if (args != null && !args.isNull() && !args.isTextual() && !args.isArray()) {
            throw Props.wrongType("args", "a string or an array of strings", args);
        }
        ObjectNode options = options(p);
        OptionRules.Typed typed = OptionRules.toBeanOptions(options, "watcher:" + name);
        boolean start = p.flag("start", false);
        // The arbiter refuses a name taken; the bean, on an ipc:// endpoint with endpoint_owner, a foreign uid.
        PidChanges changes = beans.arbiter().addWatcher(name, cmd, OptionRules.args(args), typed.keys(), typed.values(),
                start, p.request().waiting());
        if (changes == null) {
            return Map.of();
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("started", changes.started());
        reply.put("kept", changes.kept());
        return reply;
    }

    private static ObjectNode options(Props p) {
        if (!p.has("options")) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!p.raw("options").isObject()) {
            throw CommandError.message("'options' property should be an object");
        }
        return (ObjectNode) p.raw("options");
    }

    private Map<String, Object> rm(Props p) {
        beans.arbiter().removeWatcher(p.requireString("name"), p.flag("nostop", false), p.request().waiting());
        return Map.of();
    }

    /**
     * {@code start}/{@code stop}/{@code restart}: one Arbiter call, which decides between the one
     * watcher a pattern selects and a group. As in Circus, only the former answers {@code info} (with
     * {@code waiting}).
     */
    private Map<String, Object> lifecycle(Props p, String verb) {
        Optional<String> name = p.string("name").filter(s -> !s.isEmpty());
        String match = p.string("match").orElse("glob");
        boolean waiting = p.request().waiting();
        ArbiterMXBean arbiter = beans.arbiter();
        String pattern = name.orElse("");
        PidChanges changes = switch (verb) {
            case "start" -> arbiter.startWatchers(pattern, match, waiting);
            case "stop" -> arbiter.stopWatchers(pattern, match, waiting);
            default -> arbiter.restartWatchers(pattern, match, waiting);
        };
        boolean oneWatcher = name.isPresent() && changes != null && changes.watchers().size() == 1;
        return oneWatcher ? Map.of("info", info(verb, changes)) : Map.of();
    }

    private Map<String, Object> reload(Props p) {
        boolean graceful = p.flag("graceful", true);
        boolean sequential = p.flag("sequential", false);
        boolean waiting = p.request().waiting();
        Optional<String> name = p.string("name").filter(s -> !s.isEmpty());
        if (name.isEmpty()) {
            beans.arbiter().reloadWatchers(graceful, sequential, waiting);
            return Map.of();
        }
        WatcherMXBean w = beans.watcher(name.get())
                .orElseThrow(() -> CommandError.message("program " + name.get() + " not found"));
        PidChanges changes = w.reload(graceful, sequential, waiting);
        return waiting && changes != null ? Map.of("info", info("reload", changes)) : Map.of();
    }

    /**
     * Circus's {@code info}: start gives started and kept; restart and reload add stopped first.
     * Circus answers {@code null} for stop; we give the pids stopped.
     */
    static Map<String, Object> info(String verb, PidChanges c) {
        Map<String, Object> info = new LinkedHashMap<>();
        if (!verb.equals("start")) {
            info.put("stopped", c.stopped());
        }
        if (!verb.equals("stop")) {
            info.put("started", c.started());
            info.put("kept", c.kept());
        }
        return info;
    }
}
