package io.circus.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circus.jmx.WatcherMXBean;
import io.circus.process.Signal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Commands on one watcher's processes and options: {@code incr}, {@code decr}, {@code set},
 * {@code signal}, {@code kill}, each one Watcher MBean operation.
 */
final class ProcessCommands {

    private final Beans beans;

    ProcessCommands(Beans beans) {
        this.beans = beans;
    }

    void register(Dispatcher d) {
        d.register("incr", Command.Mode.WAITS, p -> count(p, true));
        d.register("decr", Command.Mode.WAITS, p -> count(p, false));
        d.register("set", Command.Mode.WAITS, this::set);
        d.register("signal", Command.Mode.QUICK, this::signal);
        d.register("kill", Command.Mode.WAITS, this::kill);
    }

    private WatcherMXBean watcher(Props p) {
        String name = p.requireString("name");
        return beans.watcher(name).orElseThrow(() -> CommandError.message("program " + name + " not found"));
    }

    /**
     * incr/decr. As in Circus, the new target comes back only with {@code waiting}, or at once for a
     * singleton (which never changes: {@code "singleton": true}).
     */
    private Map<String, Object> count(Props p, boolean up) {
        WatcherMXBean w = watcher(p);
        int nb = p.integer("nb", 1);
        Integer target = up ? w.incr(nb, p.request().waiting()) : w.decr(nb, p.request().waiting());
        Map<String, Object> reply = new LinkedHashMap<>();
        if (target != null) {
            reply.put("numprocesses", target);
            // A singleton never has more than one process, so only a target of 0 or 1 needs asking.
            if (target <= 1 && w.isSingleton()) {
                reply.put("singleton", true);
            }
        }
        return reply;
    }

    private Map<String, Object> set(Props p) {
        WatcherMXBean w = watcher(p);
        if (!p.has("options")) {
            throw CommandError.missing("options");
        }
        JsonNode raw = p.raw("options");
        if (!raw.isObject()) {
            throw CommandError.message("'options' property should be an object");
        }
        ObjectNode options = (ObjectNode) raw;
        OptionRules.Typed typed = OptionRules.toBeanOptions(options, "watcher:" + p.requireString("name"));
        // More than one process for a singleton is refused by the watcher (Circus: errno 5).
        w.set(typed.keys(), typed.values(), p.request().waiting());
        return Map.of();
    }

    private Map<String, Object> signal(Props p) {
        WatcherMXBean w = watcher(p);
        String signum = signum(p, true);
        long pid = p.pid("pid");
        long childpid = p.pid("childpid");
        if (childpid != 0 && pid == 0) {
            throw CommandError.generic(p.request(), "cannot specify childpid without pid");
        }
        w.signal(signum, pid, childpid, p.flag("children", false), p.flag("recursive", false));
        return Map.of();
    }

    private Map<String, Object> kill(Props p) {
        WatcherMXBean w = watcher(p);
        String signum = p.has("signum") ? signum(p, false) : "";
        w.kill(p.pid("pid"), signum, p.seconds("graceful_timeout"), p.request().waiting());
        return Map.of();
    }

    /**
     * Circus's {@code to_signum}: a number, a numeric string, or a name with or without SIG in any
     * case. Circus fails unknown names with errno 5 and only text that does not start with a word
     * character with errno 3 {@code signal invalid}; both are kept.
     */
    private static String signum(Props p, boolean required) {
        if (!p.has("signum")) {
            if (required) {
                throw CommandError.missing("signum");
            }
            return "";
        }
        JsonNode v = p.raw("signum");
        String text;
        if (v.isIntegralNumber()) {
            text = v.asText();
        } else if (v.isTextual()) {
            text = v.textValue();
        } else {
            throw Props.wrongType("signum", "a signal name or number", v);
        }
        if (text.isEmpty() || !Character.isLetterOrDigit(text.charAt(0)) && text.charAt(0) != '_') {
            throw CommandError.message("signal invalid");
        }
        try {
            Signal.parse(text);
        } catch (IllegalArgumentException e) {
            throw CommandError.generic(p.request(), "unknown signal " + PythonRepr.strRepr(text) + " (" + e.getMessage() + ")");
        }
        return text;
    }
}
