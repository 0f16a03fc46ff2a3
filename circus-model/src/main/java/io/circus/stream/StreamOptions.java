package io.circus.stream;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typed access to a stream's options as written in the ini file (all strings). A blank value counts
 * as unset, so {@code time_format =} means "no time format" rather than an empty stamp.
 *
 * <p>Every parse error is an IllegalArgumentException whose message names the key and the value, so
 * the config loader can report it as is.
 *
 * <p>Threading: immutable; used while building a target, on the caller's thread.
 */
public final class StreamOptions {

    private static final Logger LOG = LoggerFactory.getLogger(StreamOptions.class);

    private final Map<String, String> options;

    public StreamOptions(Map<String, String> options) {
        this.options = Map.copyOf(options);
    }

    public Map<String, String> asMap() {
        return options;
    }

    /** The trimmed value, or null when absent or blank. */
    public String get(String key) {
        String value = options.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String required(String key) {
        String value = get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing stream option " + key);
        }
        return value;
    }

    /** A decimal integer (Python's {@code int()} syntax: sign, digits, underscores) of at least {@code min}. */
    public long integer(String key, long defaultValue, long min) {
        String value = get(key);
        if (value == null) {
            return defaultValue;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw invalid(key, value, "not an integer");
        }
        if (parsed < min) {
            throw invalid(key, value, "must be at least " + min);
        }
        return parsed;
    }

    /** {@code true/false, yes/no, on/off, 1/0}, any case; anything else is an error (not Python's truthiness). */
    public boolean bool(String key, boolean defaultValue) {
        String value = get(key);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw invalid(key, value, "not a boolean (true/false, yes/no, on/off, 1/0)");
        };
    }

    /** A strftime pattern, or {@code defaultPattern} (may be null) when unset. */
    public Strftime timeFormat(String key, String defaultPattern) {
        String value = options.get(key);
        String pattern = value == null || value.isBlank() ? defaultPattern : value;
        if (pattern == null) {
            return null;
        }
        try {
            return Strftime.parse(pattern);
        } catch (IllegalArgumentException e) {
            throw invalid(key, pattern, e.getMessage());
        }
    }

    /**
     * Logs the options a class does not know. Only a warning: Circus silently ignores extra keyword
     * arguments, and refusing them would reject configs that Circus accepts.
     */
    public void warnUnknown(String streamClass, Set<String> known) {
        Set<String> unknown = new TreeSet<>(options.keySet());
        unknown.removeAll(known);
        unknown.remove("class");
        if (!unknown.isEmpty()) {
            LOG.warn("{} ignores the stream option(s) {}", streamClass, unknown);
        }
    }

    public static IllegalArgumentException invalid(String key, String value, String why) {
        return new IllegalArgumentException("invalid stream option " + key + " = \"" + value + "\": " + why);
    }
}
