package io.circus.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Circus's {@code replace_gnu_args}: {@code $(circus.X)} and {@code ((circus.X))}, matched without
 * regard to case, looked up in options flattened to lower-case keys ({@code env.home},
 * {@code sockets.web}). A reference that names nothing is left verbatim, which is how
 * {@code $(circus.wid)} survives config loading to be substituted at spawn time.
 */
public final class VariableSubstitutor {

    private static final Pattern REFERENCE = Pattern.compile(
            "\\$\\(circus\\.([\\w.-]+)\\)|\\(\\(circus\\.([\\w.-]+)\\)\\)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private VariableSubstitutor() {
    }

    /**
     * Substitutes every reference found in {@code options}. A map value contributes one entry per key
     * ({@code env} → {@code circus.env.<key>}); when two keys differ only in case the later one wins,
     * so callers put the most specific source last. Values are written as Python's {@code str()} would
     * write them ({@code True}, {@code None}), because commands see exactly that under Circus.
     */
    public static String substitute(String data, Map<String, ?> options) {
        if (data == null || data.isEmpty()) {
            return data;
        }
        Map<String, String> flat = flatten(options);
        Matcher m = REFERENCE.matcher(data);
        return m.replaceAll(r -> {
            String name = (r.group(1) != null ? r.group(1) : r.group(2)).toLowerCase(Locale.ROOT);
            // Circus only prefixes names that do not already start with "circus".
            String option = name.startsWith("circus") ? name : "circus." + name;
            String value = flat.get(option);
            return Matcher.quoteReplacement(value != null ? value : r.group());
        });
    }

    /** Substitutes {@code $(circus.env.X)} only: what the config loader does. */
    public static String substituteEnv(String data, Map<String, String> env) {
        return substitute(data, Map.of("env", env));
    }

    /** The lookup table: {@code circus.<key>} and {@code circus.<key>.<subkey>}, lower-cased. */
    public static Map<String, String> flatten(Map<String, ?> options) {
        Map<String, String> flat = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : options.entrySet()) {
            String key = "circus." + e.getKey().toLowerCase(Locale.ROOT);
            if (e.getValue() instanceof Map<?, ?> sub) {
                for (Map.Entry<?, ?> s : sub.entrySet()) {
                    flat.put(key + "." + String.valueOf(s.getKey()).toLowerCase(Locale.ROOT), pythonStr(s.getValue()));
                }
            } else {
                flat.put(key, pythonStr(e.getValue()));
            }
        }
        return flat;
    }

    /** Python's {@code str()} of the value types that reach a command line. */
    public static String pythonStr(Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            default -> value.toString();
        };
    }
}
