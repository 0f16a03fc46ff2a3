package io.circus.config.option;

/**
 * The type of a watcher option's value as clients send it: the JSON type that {@code add} and
 * {@code set} take, and the text form a console or an ini file gives. Each facade maps a type to its
 * own vocabulary (the ZeroMQ channel to Circus's {@code validate_option} reasons, circusctl to
 * Circus's {@code convert_option}), so which option has which type is written only in
 * {@link WatcherOptionSchema}.
 */
public enum OptionType {

    /** Free text ({@code cmd}, {@code working_dir}); an empty value means unset where that is allowed. */
    STRING("a string"),
    /** The arguments appended to {@code cmd}: one shell-quoted string, or an array of words. */
    ARGS("a string or an array of strings"),
    /** A whole number ({@code numprocesses}); a JSON boolean counts, as Python's bools are ints. */
    INTEGER("an integer"),
    /** A number of seconds, decimals allowed ({@code graceful_timeout}). */
    NUMBER("a number"),
    /** A boolean; text forms are Circus's {@code to_bool} ones (yes/no, true/false, on/off, 1/0). */
    BOOLEAN("a boolean"),
    /** A signal: a number on the wire; a name ({@code TERM}, {@code SIGUSR1}) or a number as text. */
    SIGNAL("a signal name or number"),
    /** A user or group: a numeric id or a name. */
    USER("an integer or a string"),
    /** The whole environment: an object of string values. */
    ENV("an object of strings"),
    /** The whole configuration of an output stream: an object with a {@code class} key. */
    STREAM("an object with a 'class' key"),
    /** Several hooks at once: an object from hook name to target. */
    HOOKS("an object of hook targets"),
    /** One hook ({@code hooks.<name>}): {@code target[, ignore_failure]} or {@code [target, ignore_failure]}. */
    HOOK("a hook target, or [target, ignore_failure]"),
    /** One resource limit ({@code rlimit_<name>}): an integer, or null/empty for unlimited. */
    RLIMIT("an integer, or null for unlimited"),
    /** One setting of an output stream ({@code stdout_stream.<key>}); max_bytes and backup_count are integers. */
    STREAM_SETTING("a string, or an integer for max_bytes and backup_count"),
    /**
     * A per-watcher setting of a plugin ({@code flapping.<key>}): kept as written among the watcher's
     * free-form options and read by the plugin, which checks it.
     */
    PLUGIN_SETTING("a string");

    private final String expected;

    OptionType(String expected) {
        this.expected = expected;
    }

    /** What a value of this type is, for messages: {@code "an integer"}, {@code "a boolean"}. */
    public String expected() {
        return expected;
    }
}
