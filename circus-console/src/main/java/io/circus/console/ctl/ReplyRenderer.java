package io.circus.console.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.circus.protocol.PythonRepr;

/**
 * What circusctl prints for a reply: each Circus command's {@code console_msg}, the one place the
 * console turns replies into text (one-shot, REPL, both transports). Quirks kept on purpose, since
 * scripts parse this output: {@code status} prints a bare {@code error} on failure,
 * {@code globaloptions} the bare reason, {@code stats PID} ends with an empty line.
 *
 * <p>Stateless; safe from any thread.
 */
public final class ReplyRenderer {

    private static final String[] INFOLINE = {"pid", "cmdline", "username", "nice", "mem_info1", "mem_info2", "cpu",
        "mem", "ctime"};

    private ReplyRenderer() {
    }

    /**
     * The text for a reply and whether it is an error (which circusctl writes to stderr with exit
     * status 3).
     */
    public record Rendered(String text, boolean error) {
    }

    public static Rendered render(String command, JsonNode reply) {
        boolean error = "error".equals(reply.path("status").asText());
        return new Rendered(text(command, reply, error), error);
    }

    private static String text(String command, JsonNode msg, boolean error) {
        boolean ok = "ok".equals(msg.path("status").asText());
        return switch (command) {
            case "dstats" -> ok ? daemonStats(msg.path("info")) : consoleError(msg);
            case "get", "options" -> ok ? options(msg.path("options")) : consoleError(msg);
            case "globaloptions" -> ok ? options(msg.path("options")) : PythonRepr.str(msg.get("reason"));
            case "incr", "decr" -> ok
                    ? (msg.has("singleton") ? "This watcher is a Singleton - not changing the number of processes"
                    : msg.has("numprocesses") ? PythonRepr.str(msg.get("numprocesses")) : "ok")
                    : consoleError(msg);
            case "list" -> list(msg);
            case "listsockets" -> msg.has("sockets") ? sockets(msg.get("sockets")) : consoleError(msg);
            case "numprocesses" -> ok ? PythonRepr.str(msg.get("numprocesses")) : consoleError(msg);
            case "numwatchers" -> ok ? PythonRepr.str(msg.get("numwatchers")) : consoleError(msg);
            case "stats" -> ok ? stats(msg) : consoleError(msg);
            case "status" -> status(msg);
            case "ipython" -> ok && msg.path("shell").asBoolean(false) ? "" : "error: "
                    + (ok ? "Could not start ipython kernel" : PythonRepr.str(msg.get("reason")));
            default -> ok ? "ok" : consoleError(msg);
        };
    }

    private static String consoleError(JsonNode msg) {
        return "error: " + PythonRepr.str(msg.get("reason"));
    }

    private static String list(JsonNode msg) {
        if (msg.has("pids")) {
            return join(msg.get("pids"));
        }
        if (msg.has("watchers")) {
            return join(msg.get("watchers"));
        }
        return msg.has("reason") ? consoleError(msg) : "error: Response doesn't contain 'pids' nor 'watchers'.";
    }

    private static String join(JsonNode values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(PythonRepr.str(v)));
        return String.join(",", out);
    }

    /** Not in Circus (it has no such state): why a watcher is flapping, after its status word. */
    private static String flapping(JsonNode text) {
        return text.isTextual() && !text.asText().isEmpty() ? " (" + text.asText() + ")" : "";
    }

    private static String status(JsonNode msg) {
        if (msg.has("statuses")) {
            List<String> names = new ArrayList<>();
            msg.get("statuses").fieldNames().forEachRemaining(names::add);
            names.sort(null);
            List<String> lines = new ArrayList<>();
            for (String name : names) {
                lines.add(name + ": " + PythonRepr.str(msg.get("statuses").get(name))
                        + flapping(msg.path("flapping").path(name)));
            }
            return String.join("\n", lines);
        }
        // Circus tests the literal "status" != "error", always true: an error prints just "error".
        return msg.has("status") ? PythonRepr.str(msg.get("status")) + flapping(msg.path("flapping"))
                : consoleError(msg);
    }

    /** Circus's {@code convert_opt}: env as sorted K=V pairs, None as empty, the rest as str(). */
    private static String options(JsonNode options) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : options.properties()) {
            lines.add(e.getKey() + ": " + optionValue(e.getKey(), e.getValue()));
        }
        return String.join("\n", lines);
    }

    static String optionValue(String key, JsonNode v) {
        if (key.equals("env")) {
            if (v == null || v.isNull() || v.isEmpty()) {
                return "";
            }
            List<String> keys = new ArrayList<>();
            v.fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
            List<String> pairs = new ArrayList<>();
            for (String k : keys) {
                pairs.add(k + "=" + PythonRepr.str(v.get(k)));
            }
            return String.join(",", pairs);
        }
        return v == null || v.isNull() ? "" : PythonRepr.str(v);
    }

    private static String sockets(JsonNode sockets) {
        List<String> lines = new ArrayList<>();
        for (JsonNode s : sockets) {
            String at = s.has("path") ? PythonRepr.str(s.get("path"))
                    : PythonRepr.str(s.get("host")) + ":" + s.path("port").asLong();
            lines.add(s.path("fd").asLong() + ":socket '" + PythonRepr.str(s.get("name")) + "' at " + at);
        }
        return String.join("\n", lines);
    }

    private static String stats(JsonNode msg) {
        List<String> lines = new ArrayList<>();
        if (msg.has("name")) {
            lines.add(PythonRepr.str(msg.get("name")) + ":");
            processes(msg.path("info"), lines);
        } else if (msg.has("infos")) {
            for (Map.Entry<String, JsonNode> w : msg.get("infos").properties()) {
                lines.add(w.getKey() + ":");
                processes(w.getValue(), lines);
            }
        } else {
            return PythonRepr.str(msg.get("process")) + ": " + infoText(msg.get("info")) + "\n";
        }
        return String.join("\n", lines);
    }

    private static void processes(JsonNode infos, List<String> lines) {
        if (infos == null || !infos.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> p : infos.properties()) {
            lines.add(p.getKey() + ": " + infoText(p.getValue()));
        }
    }

    /** Circus's {@code _to_str} of stats: the INFOLINE, then children indented by 3 spaces. */
    private static String infoText(JsonNode info) {
        if (info == null || !info.isObject()) {
            return PythonRepr.str(info);
        }
        List<String> lines = new ArrayList<>();
        lines.add(infoLine(info));
        for (JsonNode child : info.path("children")) {
            lines.add("   " + infoLine(child));
        }
        return String.join("\n", lines);
    }

    private static String daemonStats(JsonNode info) {
        List<String> lines = new ArrayList<>(List.of("Main Process:", "    " + infoLine(info)));
        if (info.path("children").size() > 0) {
            lines.add("Children:");
            for (JsonNode child : info.path("children")) {
                lines.add("    " + infoLine(child));
            }
        }
        return String.join("\n", lines);
    }

    /** {@code "%(pid)s  %(cmdline)s %(username)s %(nice)s %(mem_info1)s %(mem_info2)s %(cpu)s %(mem)s %(ctime)s"}. */
    static String infoLine(JsonNode info) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < INFOLINE.length; i++) {
            sb.append(i == 0 ? "" : i == 1 ? "  " : " ").append(PythonRepr.str(info.get(INFOLINE[i])));
        }
        return sb.toString();
    }
}
