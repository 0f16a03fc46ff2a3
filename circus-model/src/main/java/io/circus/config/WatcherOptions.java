package io.circus.config;

import static io.circus.config.CompoundOptions.HOOKS_PREFIX;
import static io.circus.config.CompoundOptions.RLIMIT_PREFIX;
import static io.circus.config.CompoundOptions.STDERR;
import static io.circus.config.CompoundOptions.STDOUT;
import static io.circus.config.CompoundOptions.lower;

import io.circus.config.option.WatcherOption;
import io.circus.config.option.WatcherOptionSchema;
import io.circus.process.Rlimit;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one conversion of watcher option values onto a {@link WatcherConfig}: used for
 * {@code [watcher:NAME]} keys when a file is loaded and for the run-time {@code set}, {@code get},
 * {@code options} and {@code add} commands, so a value means the same thing wherever it comes from.
 * Which keys exist, their types and whether they are live is {@link WatcherOptionSchema}'s.
 *
 * <p>Keys are case-insensitive here (circusctl lower-cases them); the ini loader only sends keys that
 * are spelt exactly, because Circus's ini keys are case-sensitive.
 */
public final class WatcherOptions {

    private static final Set<String> KNOWN;

    // Circus's set accepts retry_in and ignores it; in a file it stays a free-form option.
    private static final String RETRY_IN = "retry_in";

    static {
        Set<String> keys = new TreeSet<>();
        for (WatcherOption o : WatcherOptionSchema.options()) {
            if (!o.isFamily() && !o.key().equals(RETRY_IN)) {
                keys.add(o.key());
            }
        }
        WatcherOptionSchema.hookNames().forEach(h -> keys.add(HOOKS_PREFIX + h));
        for (Rlimit r : Rlimit.values()) {
            keys.add(RLIMIT_PREFIX + r.configName());
        }
        KNOWN = Collections.unmodifiableSet(keys);
    }

    private WatcherOptions() {
    }

    /**
     * The watcher with one option changed, converted as Circus converts it ({@code to_bool}, {@code int},
     * seconds, {@code to_signum}, {@code rlimit_value}, {@code hooks.x = target[, bool]}, ...). An
     * existing free-form option ({@link WatcherConfig#extra()}) is replaced as given; {@code retry_in}
     * is validated and ignored, as Circus does.
     *
     * @throws InvalidOptionException naming the key, the value and what was expected; also when the
     *                                result breaks a rule such as singleton with numprocesses > 1
     */
    public static WatcherConfig apply(WatcherConfig base, String key, String value) {
        Objects.requireNonNull(base, "base");
        String v = value == null ? "" : value;
        if (key == null || key.isBlank()) {
            throw new InvalidOptionException(String.valueOf(key), v, "expected an option name");
        }
        try {
            return convert(base, key, lower(key.strip()), v);
        } catch (InvalidOptionException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException(key, v, e.getMessage());
        }
    }

    /**
     * The same for a value decoded from JSON ({@code add}/{@code set}): strings as above; numbers and
     * booleans by their text; {@code env}, {@code hooks}, {@code stdout_stream}, {@code stderr_stream}
     * as objects; {@code args} and {@code hooks.x} as arrays; null as an empty value. The wire-level type
     * checks of Circus's {@code validate_option} are the command layer's business.
     */
    public static WatcherConfig apply(WatcherConfig base, String key, Object value) {
        return StructuredValues.apply(base, key, value);
    }

    /**
     * A list of words as one {@code args} string, each shell-quoted as needed so that it splits back
     * into the same words at spawn time; numbers and booleans by their text, null as an empty word.
     *
     * @throws InvalidOptionException when a word is not a string, a number, a boolean or null
     */
    public static String joinArgs(List<?> words) {
        return StructuredValues.joinArgs(words);
    }

    /** Circus's {@code options} reply for this watcher: sorted keys, JSON-friendly values. */
    public static Map<String, Object> toOptions(WatcherConfig config) {
        return WatcherOptionsReport.options(config);
    }

    /**
     * Every key {@link #apply} understands, lower-case: the plain options, {@code hooks.<name>} for each
     * hook and {@code rlimit_<name>} for each limit. Any {@code stdout_stream.<key>} and
     * {@code stderr_stream.<key>} is accepted as well (see {@link #isKnown}).
     */
    public static Set<String> knownKeys() {
        return KNOWN;
    }

    /** Whether {@code key}, exactly as written, is an option rather than a free-form extra. */
    public static boolean isKnown(String key) {
        return !key.equals(RETRY_IN)
                && WatcherOptionSchema.find(key).filter(o -> !o.isFreeForm()).isPresent();
    }

    /** Circus's hook names. */
    public static List<String> hookNames() {
        return WatcherOptionSchema.hookNames();
    }

    /**
     * Whether changing {@code key} takes effect without restarting the watcher's processes. Follows
     * Circus's {@code set} actions, except that max_age, max_age_variance, respawn, max_retry, priority,
     * autostart and singleton are applied live (Circus reloads for max_age* and ignores the others).
     * Free-form options are live. Streams count as not live here; see {@link #isLive(String, WatcherConfig)}.
     */
    public static boolean isLive(String key) {
        String k = lower(key.strip());
        if (k.equals("name")) {
            return false;
        }
        return WatcherOptionSchema.find(k).map(WatcherOption::live).orElse(true);
    }

    /**
     * As {@link #isLive(String)}, but a stream change is live when that stream is already configured:
     * the output is piped already, only its destination changes (Circus's action 0 versus 1).
     */
    public static boolean isLive(String key, WatcherConfig current) {
        String k = lower(key.strip());
        String stream = k.equals(STDOUT) || k.equals(STDERR) ? k : CompoundOptions.streamOf(k);
        if (stream == null) {
            return isLive(key);
        }
        return (stream.equals(STDOUT) ? current.stdoutStream() : current.stderrStream()).isConfigured();
    }

    /**
     * The option keys whose values differ between two definitions of a watcher (name aside): plain
     * keys, {@code env}, {@code hooks.<name>}, {@code rlimit_<name>}, {@code stdout_stream.<key>} and
     * free-form keys. A reload can apply the change live when every key is {@link #isLive live}.
     */
    public static Set<String> changedKeys(WatcherConfig before, WatcherConfig after) {
        Map<String, Object> a = WatcherOptionsReport.settings(before);
        Map<String, Object> b = WatcherOptionsReport.settings(after);
        Set<String> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        Set<String> changed = new TreeSet<>();
        for (String k : keys) {
            if (!Objects.equals(a.get(k), b.get(k))) {
                changed.add(k);
            }
        }
        return changed;
    }

    /**
     * The rules that involve several options, checked once all are applied: a command, copy_path only
     * with copy_env, virtualenv only with copy_env, a stream only with a class or a filename, and
     * {@code cmd}/{@code args} (unless {@code shell}) and {@code shell_args} that split into words
     * (no unclosed quote, no trailing backslash).
     */
    public static void validate(WatcherConfig c) {
        if (c.cmd().isBlank()) {
            throw new InvalidOptionException("cmd", c.cmd(), "a watcher needs a command");
        }
        if (c.copyPath() && !c.copyEnv()) {
            throw new InvalidOptionException("copy_path", "true", "copy_path requires copy_env = true");
        }
        if (c.extra().containsKey("virtualenv") && !c.extra().get("virtualenv").isEmpty() && !c.copyEnv()) {
            throw new InvalidOptionException("virtualenv", c.extra().get("virtualenv"),
                    "virtualenv requires copy_env = true");
        }
        checkStream(STDOUT, c.stdoutStream());
        checkStream(STDERR, c.stderrStream());
        if (!c.shell()) {
            // Split at every spawn: a quoting mistake would otherwise fail every spawn, never the load.
            checkWords("cmd", c.cmd());
            checkWords("args", c.args());
        }
        checkWords("shell_args", c.shellArgs());
    }

    private static void checkWords(String key, String value) {
        try {
            ShellWords.split(value);
        } catch (IllegalArgumentException e) {
            String problem = e.getMessage();
            int in = problem.indexOf(" in: ");
            throw new InvalidOptionException(key, value, in < 0 ? problem : problem.substring(0, in));
        }
    }

    private static void checkStream(String name, StreamConfig s) {
        if (!s.isConfigured() && !s.options().isEmpty()) {
            throw new InvalidOptionException(name + ".class", "", "the stream has options but neither "
                    + name + ".class nor " + name + ".filename");
        }
    }

    private static WatcherConfig convert(WatcherConfig base, String key, String k, String v) {
        WatcherConfig.Builder b = base.toBuilder();
        WatcherKey wk = WatcherKey.find(k);
        String stream = CompoundOptions.streamOf(k);
        if (wk != null) {
            wk.set(b, v);
        } else if (k.equals("env")) {
            b.env(CompoundOptions.env(v));
        } else if (k.equals("hooks")) {
            CompoundOptions.hooks(b, v);
        } else if (k.startsWith(HOOKS_PREFIX)) {
            CompoundOptions.hook(b, k.substring(HOOKS_PREFIX.length()), v);
        } else if (k.startsWith(RLIMIT_PREFIX)) {
            CompoundOptions.rlimit(b, k.substring(RLIMIT_PREFIX.length()), v);
        } else if (stream != null) {
            CompoundOptions.streamOption(b, base, stream, k.substring(stream.length() + 1), v);
        } else if (k.equals(STDOUT) || k.equals(STDERR)) {
            throw new IllegalArgumentException("expected " + k + ".<key> = value, e.g. " + k + ".class");
        } else if (k.equals(RETRY_IN)) {
            OptionValues.parseSeconds(v);
            return base;
        } else if (base.extra().containsKey(key)) {
            b.extra(key, v);
        } else {
            throw new IllegalArgumentException("unknown option");
        }
        return b.build();
    }
}
