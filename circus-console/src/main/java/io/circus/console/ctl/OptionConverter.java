package io.circus.console.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circus.process.Signal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import io.circus.protocol.PythonRepr;

/**
 * Circus's {@code convert_option}: the client-side conversion of {@code set KEY VALUE} text into
 * the JSON type the daemon's validation expects (3.20 of the inventory). Also the list of keys
 * {@code set} accepts, for completion.
 */
public final class OptionConverter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public static final List<String> HOOKS = List.of("before_start", "after_start", "before_stop", "after_stop",
            "before_spawn", "after_spawn", "before_signal", "after_signal", "before_reap", "after_reap", "extended_stats");
    private static final Set<String> INTS = Set.of("numprocesses", "max_retry", "max_age", "max_age_variance");
    private static final Set<String> FLOATS = Set.of("warmup_delay", "retry_in", "graceful_timeout");
    private static final Set<String> BOOLS = Set.of("send_hup", "stop_children", "shell", "copy_env", "respawn",
            "singleton", "close_child_stdin", "close_child_stdout", "close_child_stderr");
    private static final Set<String> TEXTS = Set.of("working_dir", "uid", "gid", "cmd", "args");

    /** The keys {@code set} knows (prefixed families shown by their prefix). */
    public static final List<String> KEYS = List.of("numprocesses", "warmup_delay", "working_dir", "uid", "gid",
            "send_hup", "stop_signal", "stop_children", "shell", "copy_env", "env", "cmd", "args", "retry_in",
            "max_retry", "graceful_timeout", "max_age", "max_age_variance", "respawn", "singleton",
            "close_child_stdin", "close_child_stdout", "close_child_stderr", "hooks", "stdout_stream.",
            "stderr_stream.", "hooks.", "rlimit_");

    private OptionConverter() {
    }

    public static JsonNode convert(String key, String value) throws ArgumentException {
        if (INTS.contains(key) || key.startsWith("rlimit_")) {
            return JSON.numberNode(RequestBuilder.toInt(value));
        }
        if (FLOATS.contains(key)) {
            return JSON.numberNode(RequestBuilder.toFloat(value));
        }
        if (BOOLS.contains(key)) {
            return JSON.booleanNode(toBool(value));
        }
        if (TEXTS.contains(key)) {
            return JSON.textNode(value);
        }
        if (key.equals("stop_signal")) {
            return JSON.numberNode(toSignum(value));
        }
        if (key.equals("env")) {
            return env(value);
        }
        if (key.startsWith("stdout_stream.") || key.startsWith("stderr_stream.")) {
            String sub = key.substring(key.indexOf('.') + 1);
            return sub.equals("max_bytes") || sub.equals("backup_count")
                    ? JSON.numberNode(RequestBuilder.toInt(value)) : JSON.textNode(value);
        }
        if (key.equals("hooks")) {
            ObjectNode hooks = JSON.objectNode();
            for (String hook : value.split(",", -1)) {
                if (hook.isEmpty()) {
                    continue;
                }
                String[] parts = hook.split(":", -1);
                if (parts.length != 2) {
                    throw new ArgumentException(PythonRepr.repr(JSON.arrayNode().addAll(
                            java.util.Arrays.stream(parts).map(s -> (JsonNode) JSON.textNode(s)).toList())));
                }
                if (!HOOKS.contains(parts[0])) {
                    throw new ArgumentException(parts[0]);
                }
                hooks.put(parts[0], parts[1]);
            }
            return hooks;
        }
        if (key.startsWith("hooks.")) {
            String name = key.substring("hooks.".length());
            if (!HOOKS.contains(name)) {
                throw new ArgumentException(name);
            }
            return JSON.textNode(value);
        }
        throw new ArgumentException("unknown key '" + key + "'");
    }

    /** Circus's {@code to_bool}. */
    static boolean toBool(String s) throws ArgumentException {
        String v = s.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "1", "yes", "true", "on" -> true;
            case "0", "no", "false", "off" -> false;
            default -> throw new ArgumentException("'" + s + "' is not a boolean");
        };
    }

    /** Circus's {@code to_signum}: a number, or a name with or without SIG, any case, with an offset. */
    static int toSignum(String s) throws ArgumentException {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            try {
                return Signal.parse(s).number();
            } catch (IllegalArgumentException bad) {
                throw new ArgumentException("signal invalid: " + s);
            }
        }
    }

    private static ObjectNode env(String value) throws ArgumentException {
        ObjectNode env = JSON.objectNode();
        for (String pair : value.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ArgumentException("env must be KEY=VALUE[,KEY=VALUE...]: '" + pair + "'");
            }
            env.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return env;
    }
}
