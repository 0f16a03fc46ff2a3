package io.circus.zmq.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circus.config.GlobalSettings;
import io.circus.jmx.ArbiterMXBean;
import io.circus.jmx.PidChanges;
import io.circus.jmx.WatcherMXBean;
import io.circus.zmq.internal.Beans;
import io.circus.zmq.wire.PythonRepr;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final GlobalSettings settings;

    LifecycleCommands(Beans beans, GlobalSettings settings) {
        this.beans = beans;
        this.settings = settings;
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
        checkEndpointOwner(options);
        OptionRules.Typed typed = OptionRules.toBeanOptions(options, "watcher:" + name);
        boolean start = p.flag("start", false);
        ArbiterMXBean arbiter = beans.arbiter();
        for (String existing : arbiter.getWatcherNames()) {
            if (existing.equalsIgnoreCase(name)) {
                // Circus reports a duplicate as a generic failure (errno 5); clients may test for it.
                throw CommandError.generic(p.request(), PythonRepr.strRepr(name) + " already exist");
            }
        }
        PidChanges changes = arbiter.addWatcher(name, cmd, OptionRules.args(args), typed.keys(), typed.values(),
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

    /**
     * Circus's endpoint-owner mode: with {@code endpoint_owner} set and an ipc:// control endpoint,
     * an added watcher must run as that user (compared as sent, as Circus does), so that whoever
     * may write to the socket cannot run commands as the daemon's user.
     */
    private void checkEndpointOwner(ObjectNode options) {
        String owner = settings.endpointOwner();
        if (owner == null || settings.endpoint() == null || !settings.endpoint().startsWith("ipc://")) {
            return;
        }
        JsonNode uid = options.get("uid");
        if (uid == null || !uid.isTextual() || !uid.textValue().equals(owner)) {
            throw CommandError.message("uid does not match endpoint_owner");
        }
    }

    private Map<String, Object> rm(Props p) {
        beans.arbiter().removeWatcher(p.requireString("name"), p.flag("nostop", false), p.request().waiting());
        return Map.of();
    }

    /**
     * {@code start}/{@code stop}/{@code restart}. A pattern selecting exactly one watcher uses that
     * watcher's operation (and with {@code waiting} answers its {@code info}); none or several use the
     * Arbiter's group operation, as Circus does.
     */
    private Map<String, Object> lifecycle(Props p, String verb) {
        Optional<String> name = p.string("name").filter(s -> !s.isEmpty());
        String match = p.string("match").orElse("glob");
        boolean waiting = p.request().waiting();
        ArbiterMXBean arbiter = beans.arbiter();
        if (name.isPresent()) {
            List<String> selected = arbiter.matchWatchers(name.get(), match);
            if (selected.size() == 1) {
                WatcherMXBean w = beans.watcher(selected.getFirst())
                        .orElseThrow(() -> CommandError.message("program " + name.get() + " not found"));
                PidChanges changes = switch (verb) {
                    case "start" -> w.start(waiting);
                    case "stop" -> w.stop(waiting);
                    default -> w.restart(waiting);
                };
                return waiting && changes != null ? Map.of("info", info(verb, changes)) : Map.of();
            }
        }
        String pattern = name.orElse("");
        switch (verb) {
            case "start" -> arbiter.startWatchers(pattern, match, waiting);
            case "stop" -> arbiter.stopWatchers(pattern, match, waiting);
            default -> arbiter.restartWatchers(pattern, match, waiting);
        }
        return Map.of();
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
