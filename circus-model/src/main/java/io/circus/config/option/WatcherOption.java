package io.circus.config.option;

import java.util.Objects;

/**
 * The description of one watcher option, or of a family of them: what the ini loader, the
 * {@code set}/{@code get}/{@code options}/{@code add} commands, circusctl's conversion and completion
 * and the Watcher MXBean's {@code Options} view all read. Instances come from {@link WatcherOptionSchema}.
 *
 * <p>A <em>family</em> is a key prefix ({@code rlimit_}, {@code hooks.}, {@code stdout_stream.},
 * {@code flapping.}) standing for every key that starts with it.
 *
 * @param key          the ini and wire key, lower-case; for a family its prefix, ending in {@code .} or {@code _}
 * @param type         the type of value the option takes
 * @param defaultValue the value a watcher has when the option is not given, as the {@code options}
 *                     command reports it (Integer, Long, Double, Boolean, String, an empty Map), or null
 * @param live         whether a change applies to the running processes; when false, {@code set} and a
 *                     reload restart the watcher's processes (a stream setting is live once that
 *                     stream is configured: only its destination changes)
 * @param compound     whether the value is not one scalar: an object ({@code env}, {@code hooks},
 *                     {@code stdout_stream}) or a family
 * @param circus       how Circus 0.19's commands treat the key
 * @param description  one sentence for people: consoles, JMX clients, the documentation
 */
public record WatcherOption(String key, OptionType type, Object defaultValue, boolean live, boolean compound,
                            CircusSupport circus, String description) {

    public WatcherOption {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(circus, "circus");
        Objects.requireNonNull(description, "description");
    }

    /** Whether this describes every key starting with {@link #key()} rather than one key. */
    public boolean isFamily() {
        return key.endsWith(".") || key.endsWith("_");
    }

    /** Whether {@code candidate}, exactly as written, is this option or a member of this family. */
    public boolean matches(String candidate) {
        return isFamily() ? candidate.startsWith(key) : candidate.equals(key);
    }

    /**
     * Whether the value is kept as written among the watcher's free-form options (a plugin's
     * per-watcher setting) rather than converted by the loader.
     */
    public boolean isFreeForm() {
        return type == OptionType.PLUGIN_SETTING;
    }
}
