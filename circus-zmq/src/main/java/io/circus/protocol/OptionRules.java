package io.circus.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circus.config.WatcherOptions;
import io.circus.process.Rlimit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The wire side of {@code add} and {@code set} options: Circus's {@code validate_option} type checks
 * on the JSON values (same keys, same errno 3 reasons, so {@code "numprocesses": "3"} reads
 * {@code 'numprocesses' isn't an integer}), then the text form the Watcher and Arbiter MBeans take
 * (their options are {@code Map<String, String>}, converted by {@code io.circus.config.WatcherOptions}
 * exactly as an ini file's values).
 *
 * <p>Keys Circus does not know but our option table does ({@code priority}, {@code autostart},
 * {@code on_demand}...) are accepted as scalars rather than refused with {@code unknown key}.
 */
final class OptionRules {

    private static final Set<String> CIRCUS_KEYS = Set.of("numprocesses", "warmup_delay", "working_dir", "uid", "gid",
            "send_hup", "stop_signal", "stop_children", "shell", "env", "cmd", "args", "copy_env", "retry_in",
            "max_retry", "graceful_timeout", "stdout_stream", "stderr_stream", "max_age", "max_age_variance", "respawn",
            "singleton", "hooks", "close_child_stdin", "close_child_stdout", "close_child_stderr");
    private static final List<String> PREFIXES = List.of("stdout_stream.", "stderr_stream.", "hooks.", "rlimit_");
    private static final Set<String> INTEGERS = Set.of("numprocesses", "max_retry", "max_age", "max_age_variance",
            "stop_signal");
    private static final Set<String> NUMBERS = Set.of("warmup_delay", "retry_in", "graceful_timeout");
    private static final Set<String> BOOLEANS = Set.of("send_hup", "shell", "copy_env", "respawn", "stop_children",
            "close_child_stdin", "close_child_stdout", "close_child_stderr");
    private static final Pattern SAFE_WORD = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private OptionRules() {
    }

    /**
     * Checks every option, then returns them as the MBeans take them, in request order.
     *
     * @throws CommandError errno 3 with Circus's reason for the first bad option
     */
    static Map<String, String> toBeanOptions(ObjectNode options) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            validate(e.getKey(), e.getValue());
            put(out, e.getKey(), e.getValue());
        }
        return out;
    }

    /** Circus's {@code validate_option(key, val)}. */
    static void validate(String key, JsonNode val) {
        boolean prefixed = PREFIXES.stream().anyMatch(key::startsWith);
        if (!CIRCUS_KEYS.contains(key) && !prefixed) {
            if (!WatcherOptions.isKnown(key) || val.isContainerNode()) {
                throw CommandError.message("unknown key " + PythonRepr.strRepr(key));
            }
            return;
        }
        // JSON booleans pass as integers, as Python's bools are ints.
        if (INTEGERS.contains(key) && !(val.isIntegralNumber() || val.isBoolean())) {
            throw CommandError.message(quoted(key) + " isn't an integer");
        }
        if (NUMBERS.contains(key) && !(val.isNumber() || val.isBoolean())) {
            throw CommandError.message(quoted(key) + " isn't a number");
        }
        if ((key.equals("uid") || key.equals("gid")) && !(val.isIntegralNumber() || val.isTextual())) {
            throw CommandError.message(quoted(key) + " isn't an integer or string");
        }
        if (BOOLEANS.contains(key) && !val.isBoolean()) {
            throw CommandError.message(quoted(key) + " isn't a valid boolean");
        }
        switch (key) {
            case "env" -> env(val);
            case "hooks" -> hooks(val);
            case "stdout_stream", "stderr_stream" -> stream(key, val);
            default -> {
                if (key.startsWith("rlimit_")) {
                    rlimit(key, val);
                }
            }
        }
    }

    private static void env(JsonNode val) {
        if (!val.isObject()) {
            throw CommandError.message("'env' isn't a valid object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = val.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw CommandError.message(quoted(e.getKey()) + " isn't a string");
            }
            if (e.getKey().contains(",") || e.getKey().contains("=") || e.getValue().textValue().contains(",")) {
                // The MBean takes env as one "K=V,K2=V2" string, which cannot carry these.
                throw CommandError.message("env entry " + quoted(e.getKey()) + " cannot be passed: names may not hold "
                        + "',' or '=', values may not hold ','");
            }
        }
    }

    private static void hooks(JsonNode val) {
        if (!val.isObject()) {
            throw CommandError.message(val + " isn't a valid hook dict");
        }
        for (Iterator<String> it = val.fieldNames(); it.hasNext(); ) {
            if (!WatcherOptions.hookNames().contains(it.next())) {
                throw CommandError.message("Unknown hook " + val);
            }
        }
    }

    private static void stream(String key, JsonNode val) {
        if (!val.isObject()) {
            throw CommandError.message(quoted(key) + " isn't a valid object");
        }
        if (!val.has("class")) {
            throw CommandError.message(quoted(key) + " must have a 'class' key");
        }
    }

    private static void rlimit(String key, JsonNode val) {
        if (Rlimit.byName(key.substring("rlimit_".length())).isEmpty()) {
            throw CommandError.message(quoted(key) + " isn't a valid rlimit setting");
        }
        if (!val.isNull() && !val.isIntegralNumber()) {
            throw CommandError.message((val.isTextual() ? PythonRepr.strRepr(val.textValue()) : val.toString())
                    + " rlimit value isn't a valid int");
        }
    }

    /** The text form of one validated option; objects become several prefixed keys. */
    private static void put(Map<String, String> out, String key, JsonNode val) {
        switch (key) {
            case "env" -> {
                StringBuilder sb = new StringBuilder();
                val.fields().forEachRemaining(e -> sb.append(sb.isEmpty() ? "" : ",").append(e.getKey()).append('=')
                        .append(e.getValue().textValue()));
                out.put(key, sb.toString());
            }
            case "hooks" -> val.fields().forEachRemaining(e -> out.put("hooks." + e.getKey(), hook(e.getValue())));
            case "stdout_stream", "stderr_stream" -> val.fields().forEachRemaining(e ->
                    out.put(key + "." + e.getKey(), scalar(e.getValue())));
            case "args" -> out.put(key, args(val));
            default -> out.put(key, key.startsWith("hooks.") ? hook(val) : scalar(val));
        }
    }

    /** A hook as Circus sends it, {@code "pkg.f"} or {@code ["pkg.f", ignore_failure]}, as {@code target[, bool]}. */
    private static String hook(JsonNode v) {
        if (v.isArray() && v.size() == 2) {
            return scalar(v.get(0)) + ", " + scalar(v.get(1));
        }
        return scalar(v);
    }

    /** {@code args} as a string, a list of words (shell-quoted) or null. */
    static String args(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isArray()) {
            return scalar(v);
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode word : v) {
            String w = scalar(word);
            sb.append(sb.isEmpty() ? "" : " ")
                    .append(SAFE_WORD.matcher(w).matches() ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }

    private static String scalar(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isFloatingPointNumber()) {
            return PythonRepr.floatRepr(v.doubleValue());
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String quoted(String key) {
        return PythonRepr.strRepr(key);
    }
}
