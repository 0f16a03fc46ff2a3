package io.circus.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circus.config.WatcherOptions;
import io.circus.config.option.CircusSupport;
import io.circus.config.option.WatcherOption;
import io.circus.config.option.WatcherOptionSchema;
import io.circus.jmx.OptionsView;
import io.circus.process.Rlimit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire side of {@code add} and {@code set} options: Circus's {@code validate_option} type checks
 * on the JSON values (same errno 3 reasons, so {@code "numprocesses": "3"} reads
 * {@code 'numprocesses' isn't an integer}), then the values as the typed MBean operations take them.
 * Which key has which type, and which keys Circus knows, is {@link WatcherOptionSchema}'s; this class
 * only words the reasons as Circus does.
 *
 * <p>Keys Circus does not know but the schema does ({@code priority}, {@code autostart},
 * {@code on_demand}...) are accepted as scalars rather than refused with {@code unknown key}.
 */
final class OptionRules {

    private OptionRules() {
    }

    /** Checked, typed options: the keys in request order and their values, as the MBeans take them. */
    record Typed(String[] keys, OptionsView values) {
    }

    /**
     * Checks every option, then returns them typed, in request order. The objects {@code hooks},
     * {@code stdout_stream} and {@code stderr_stream} become one key per entry, as Circus applies
     * them (a stream's other settings are kept); {@code env} stays one object.
     *
     * @throws CommandError errno 3 with Circus's reason for the first bad option
     */
    static Typed toBeanOptions(ObjectNode options, String scope) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            validate(e.getKey(), e.getValue());
            put(out, e.getKey(), e.getValue());
        }
        return new Typed(out.keySet().toArray(String[]::new), OptionsView.of(scope, out));
    }

    /** Circus's {@code validate_option(key, val)}. */
    static void validate(String key, JsonNode val) {
        WatcherOption option = WatcherOptionSchema.find(key).orElse(null);
        if (option == null || !option.circus().known()) {
            if (!WatcherOptions.isKnown(key) || val.isContainerNode()) {
                throw CommandError.message("unknown key " + PythonRepr.strRepr(key));
            }
            return;
        }
        if (option.circus() != CircusSupport.CHECKED) {
            return;
        }
        switch (option.type()) {
            // JSON booleans pass as integers, as Python's bools are ints.
            case INTEGER, SIGNAL -> require(val.isIntegralNumber() || val.isBoolean(), key, "isn't an integer");
            case NUMBER -> require(val.isNumber() || val.isBoolean(), key, "isn't a number");
            case USER -> require(val.isIntegralNumber() || val.isTextual(), key, "isn't an integer or string");
            case BOOLEAN -> require(val.isBoolean(), key, "isn't a valid boolean");
            case ENV -> env(val);
            case HOOKS -> hooks(val);
            case STREAM -> stream(key, val);
            case RLIMIT -> rlimit(key, val);
            default -> {
            }
        }
    }

    private static void require(boolean ok, String key, String reason) {
        if (!ok) {
            throw CommandError.message(quoted(key) + " " + reason);
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
        }
    }

    private static void hooks(JsonNode val) {
        if (!val.isObject()) {
            throw CommandError.message(val + " isn't a valid hook dict");
        }
        for (Iterator<String> it = val.fieldNames(); it.hasNext(); ) {
            if (!WatcherOptionSchema.hookNames().contains(it.next())) {
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

    /** One validated option, typed; the objects hooks and streams become several prefixed keys. */
    private static void put(Map<String, Object> out, String key, JsonNode val) {
        switch (key) {
            case "hooks", "stdout_stream", "stderr_stream" -> {
                String prefix = key.equals("hooks") ? "hooks." : key + ".";
                val.fields().forEachRemaining(e -> out.put(prefix + e.getKey(), typed(e.getValue())));
            }
            default -> out.put(key, typed(val));
        }
    }

    /** {@code args} of {@code add}: a string, a list of words (shell-quoted as the model quotes them) or null. */
    static String args(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isArray()) {
            return v.isTextual() ? v.textValue() : v.asText();
        }
        List<Object> words = new ArrayList<>();
        v.forEach(word -> words.add(typed(word)));
        return WatcherOptions.joinArgs(words);
    }

    /** A JSON value as Java: null, String, Boolean, Integer/Long/BigInteger, Double, List or Map. */
    private static Object typed(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isFloatingPointNumber()) {
            return v.doubleValue();
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(item -> list.add(typed(item)));
            return list;
        }
        if (v.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            v.fields().forEachRemaining(e -> map.put(e.getKey(), typed(e.getValue())));
            return map;
        }
        return v.asText();
    }

    private static String quoted(String key) {
        return PythonRepr.strRepr(key);
    }
}
