package io.circus.config;

import static io.circus.config.CompoundOptions.HOOKS_PREFIX;
import static io.circus.config.CompoundOptions.STDERR;
import static io.circus.config.CompoundOptions.STDOUT;
import static io.circus.config.CompoundOptions.lower;

import io.circus.config.option.WatcherOptionSchema;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@link WatcherOptions#apply(WatcherConfig, String, Object)}: values as {@code add} and {@code set}
 * carry them, typed as JSON decodes them (String, Boolean, Number, Map, List, null), from the
 * command layer through the MBeans to the watcher. Scalars convert as their text would; objects and
 * arrays only where the option is one ({@code env}, {@code hooks}, streams, {@code args}, a hook).
 */
final class StructuredValues {

    // shlex.quote's notion of a word that needs no quoting.
    private static final Pattern SAFE_WORD = Pattern.compile("[\\w@%+=:,./-]+");

    private StructuredValues() {
    }

    static WatcherConfig apply(WatcherConfig base, String key, Object value) {
        if (value == null || value instanceof String) {
            return WatcherOptions.apply(base, key, (String) value);
        }
        if (value instanceof Boolean bool) {
            return WatcherOptions.apply(base, key, bool.toString());
        }
        try {
            if (value instanceof Number n) {
                return WatcherOptions.apply(base, key, numberText(n));
            }
            String k = lower(key == null ? "" : key.strip());
            WatcherConfig.Builder b = base.toBuilder();
            switch (value) {
                case Map<?, ?> m when k.equals("env") -> b.env(strings(m, "env"));
                case Map<?, ?> m when k.equals("hooks") -> hooks(b, m);
                case Map<?, ?> m when k.equals(STDOUT) || k.equals(STDERR) ->
                        CompoundOptions.stream(b, k, strings(m, k));
                case List<?> l when k.equals("args") -> b.args(words(l));
                case List<?> l when k.startsWith(HOOKS_PREFIX) -> hook(b, k.substring(HOOKS_PREFIX.length()), l);
                default -> throw new IllegalArgumentException("expected " + expected(key));
            }
            return b.build();
        } catch (InvalidOptionException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException(String.valueOf(key), String.valueOf(value), e.getMessage());
        }
    }

    /** What the schema says the option takes; a free-form option takes a scalar. */
    private static String expected(String key) {
        return WatcherOptionSchema.find(lower(key == null ? "" : key.strip())).map(o -> o.type().expected())
                .orElse("a string, a number or a boolean");
    }

    static String joinArgs(List<?> words) {
        try {
            return words(words);
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException("args", String.valueOf(words), e.getMessage());
        }
    }

    private static String words(List<?> words) {
        return words.stream().map(StructuredValues::scalar).map(StructuredValues::quote)
                .collect(Collectors.joining(" "));
    }

    private static void hooks(WatcherConfig.Builder b, Map<?, ?> hooks) {
        for (Map.Entry<?, ?> e : hooks.entrySet()) {
            String name = String.valueOf(e.getKey());
            switch (e.getValue()) {
                case String s -> CompoundOptions.hook(b, name, s);
                case List<?> l -> hook(b, name, l);
                case null, default -> throw new IllegalArgumentException(
                        "expected hook values as \"target[, bool]\" or [target, bool]");
            }
        }
    }

    /** Circus's API form {@code [target, ignore_failure]}. */
    private static void hook(WatcherConfig.Builder b, String name, List<?> l) {
        if (l.isEmpty() || l.size() > 2) {
            throw new IllegalArgumentException("expected [target] or [target, ignore_failure]");
        }
        boolean ignore = l.size() == 2 ? OptionValues.parseBool(scalar(l.get(1)))
                : CompoundOptions.ignoredByDefault(name);
        CompoundOptions.hook(b, name, scalar(l.get(0)), ignore);
    }

    private static Map<String, String> strings(Map<?, ?> m, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getValue() instanceof String) && what.equals("env")) {
                throw new IllegalArgumentException("'" + e.getKey() + "' isn't a string");
            }
            out.put(String.valueOf(e.getKey()), scalar(e.getValue()));
        }
        return out;
    }

    private static String scalar(Object o) {
        return switch (o) {
            case null -> "";
            case String s -> s;
            case Boolean bool -> bool.toString();
            case Number n -> numberText(n);
            default -> throw new IllegalArgumentException("expected a string, a number or a boolean, got " + o);
        };
    }

    private static String numberText(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("expected a finite number");
            }
            return BigDecimal.valueOf(d).toPlainString();
        }
        return n instanceof BigDecimal bd ? bd.toPlainString() : n.toString();
    }

    /** shlex.quote, so that a list given for args splits back into the same words at spawn time. */
    static String quote(String word) {
        if (word.isEmpty()) {
            return "''";
        }
        return SAFE_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\"'\"'") + "'";
    }
}
