package io.circus.console.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circus.config.option.OptionType;
import io.circus.config.option.WatcherOption;
import io.circus.config.option.WatcherOptionSchema;
import io.circus.process.Signal;
import io.circus.protocol.PythonRepr;
import java.util.List;
import java.util.Locale;

/**
 * Circus's {@code convert_option}: the client-side conversion of {@code set KEY VALUE} text into
 * the JSON type the daemon's validation expects (3.20 of the inventory), by the option's type in
 * {@link WatcherOptionSchema}. Also the list of keys {@code set} accepts, for completion.
 */
public final class OptionConverter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Circus's hook names, in circusctl's order. */
    public static final List<String> HOOKS = WatcherOptionSchema.hookNames();

    /**
     * The keys {@code set} knows (families shown by their prefix): those Circus's {@code convert_option}
     * converts, in the schema's order.
     */
    public static final List<String> KEYS = WatcherOptionSchema.options().stream()
            .filter(OptionConverter::converts).map(WatcherOption::key).toList();

    private OptionConverter() {
    }

    public static JsonNode convert(String key, String value) throws ArgumentException {
        WatcherOption option = WatcherOptionSchema.find(key).filter(OptionConverter::converts)
                .orElseThrow(() -> new ArgumentException("unknown key '" + key + "'"));
        return switch (option.type()) {
            case INTEGER, RLIMIT -> JSON.numberNode(RequestBuilder.toInt(value));
            case NUMBER -> JSON.numberNode(RequestBuilder.toFloat(value));
            case BOOLEAN -> JSON.booleanNode(toBool(value));
            case SIGNAL -> JSON.numberNode(toSignum(value));
            case ENV -> env(value);
            case HOOKS -> hooks(value);
            case HOOK -> hook(key.substring(option.key().length()), value);
            case STREAM_SETTING -> {
                String sub = key.substring(option.key().length());
                yield sub.equals("max_bytes") || sub.equals("backup_count")
                        ? JSON.numberNode(RequestBuilder.toInt(value)) : JSON.textNode(value);
            }
            default -> JSON.textNode(value);
        };
    }

    /** Whether circusctl converts the key: Circus knows it, and its value has a text form. */
    private static boolean converts(WatcherOption option) {
        return option.circus().known() && option.type() != OptionType.STREAM;
    }

    private static ObjectNode hooks(String value) throws ArgumentException {
        ObjectNode hooks = JSON.objectNode();
        for (String hook : value.split(",", -1)) {
            if (hook.isEmpty()) {
                continue;
            }
            String[] parts = hook.split(":", 2); // a target holds ":" (java:..., exec:...)
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

    private static JsonNode hook(String name, String value) throws ArgumentException {
        if (!HOOKS.contains(name)) {
            throw new ArgumentException(name);
        }
        return JSON.textNode(value);
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
