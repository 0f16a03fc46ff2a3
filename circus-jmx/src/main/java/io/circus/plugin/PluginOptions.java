package io.circus.plugin;

import io.circus.config.OptionValues;
import io.circus.process.Signal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The options of one {@code [plugin:NAME]} section (or of a per-watcher override set such as
 * {@code flapping.*}), read with Circus's names, defaults and conversions. A value the conversion
 * refuses throws {@link PluginOptionException} naming the section, the key and the value: a plugin
 * reads its options in {@link Plugin#start}, so a bad one is a configuration error.
 *
 * <p>Immutable and thread-safe.
 */
public final class PluginOptions {

    private final String plugin;
    private final Map<String, String> values;

    /**
     * @param plugin the plugin's name, for error messages
     * @param values every key of the section, as text (Circus passes them all, {@code use} included)
     */
    public PluginOptions(String plugin, Map<String, String> values) {
        this.plugin = plugin;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The plugin's name, the text after {@code plugin:}. */
    public String plugin() {
        return plugin;
    }

    /** Every key as given, in file order. */
    public Map<String, String> asMap() {
        return values;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The text of an option, stripped, or {@code fallback} when absent. */
    public String text(String key, String fallback) {
        String v = values.get(key);
        return v == null ? fallback : v.strip();
    }

    /** The text of an option that has no default. */
    public Optional<String> text(String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip);
    }

    /** An option the plugin cannot run without. */
    public String required(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new PluginOptionException(plugin, key, null, "required");
        }
        return v.strip();
    }

    /** An integer (Circus's {@code int(v)}). */
    public int integer(String key, int fallback) {
        return convert(key, fallback, OptionValues::parseInt);
    }

    /** A number, decimals allowed (Circus's {@code float(v)}). */
    public double number(String key, double fallback) {
        return convert(key, fallback, PluginOptions::parseDouble);
    }

    /** A number with no default. */
    public Optional<Double> number(String key) {
        return values.containsKey(key) ? Optional.of(number(key, 0)) : Optional.empty();
    }

    /** Circus's {@code to_bool}: true/false, yes/no, on/off, 1/0. */
    public boolean bool(String key, boolean fallback) {
        return convert(key, fallback, OptionValues::parseBool);
    }

    /** A non-negative number of seconds, decimals allowed. */
    public Duration seconds(String key, Duration fallback) {
        return convert(key, fallback, OptionValues::parseSeconds);
    }

    /** A signal name (TERM, SIGUSR1, any case) or number. */
    public Signal signal(String key, Signal fallback) {
        return convert(key, fallback, OptionValues::parseSignal);
    }

    /** Any other conversion; its {@link IllegalArgumentException} message becomes the error's reason. */
    public <T> T convert(String key, T fallback, Function<String, T> conversion) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return conversion.apply(v.strip());
        } catch (IllegalArgumentException e) {
            throw new PluginOptionException(plugin, key, v, e.getMessage());
        }
    }

    /** A copy with {@code overrides} replacing these values, for per-watcher settings. */
    public PluginOptions with(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        merged.putAll(overrides);
        return new PluginOptions(plugin, merged);
    }

    private static double parseDouble(String text) {
        try {
            double d = Double.parseDouble(text);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number");
        }
    }

    @Override
    public String toString() {
        return "[plugin:" + plugin + "] " + values;
    }
}
