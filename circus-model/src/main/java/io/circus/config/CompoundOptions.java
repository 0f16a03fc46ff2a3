package io.circus.config;

import io.circus.config.option.WatcherOptionSchema;
import io.circus.process.Rlimit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The watcher options that are not one scalar: {@code env}, {@code hooks}, {@code hooks.<name>},
 * {@code rlimit_<name>} and {@code stdout_stream.<key>} / {@code stderr_stream.<key>}. Keys arrive
 * lower-cased; failures are plain {@link IllegalArgumentException}s that {@link WatcherOptions} wraps.
 */
final class CompoundOptions {

    static final String HOOKS_PREFIX = "hooks.";
    static final String RLIMIT_PREFIX = "rlimit_";
    static final String STDOUT = "stdout_stream";
    static final String STDERR = "stderr_stream";

    private static final Set<String> HOOK_NAMES = Set.copyOf(WatcherOptionSchema.hookNames());

    // Circus always ignores failures of these (Watcher.ignore_hook_failure starts with them).
    private static final Set<String> IGNORED_BY_DEFAULT = Set.of("before_stop", "after_stop", "before_signal",
            "after_signal", "extended_stats");

    private CompoundOptions() {
    }

    /** {@code hooks.<name> = target[, ignore_failure]}. */
    static void hook(WatcherConfig.Builder b, String name, String value) {
        checkHookName(name);
        // The flag follows the last comma (a command's arguments may hold commas); Circus splits at the
        // first, which is the same for every target without a comma.
        int comma = value.lastIndexOf(',');
        boolean flagged = comma >= 0 && isBool(value.substring(comma + 1));
        String target = (flagged ? value.substring(0, comma) : value).strip();
        boolean ignore = flagged ? OptionValues.parseBool(value.substring(comma + 1)) : IGNORED_BY_DEFAULT.contains(name);
        hook(b, name, target, ignore);
    }

    private static boolean isBool(String text) {
        try {
            OptionValues.parseBool(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static void hook(WatcherConfig.Builder b, String name, String target, boolean ignoreFailure) {
        checkHookName(name);
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("expected a hook target, e.g. 'java:com.example.Hook[, true]'");
        }
        io.circus.hook.HookTarget.parse(target); // the syntax (a Python name says what to write instead)
        b.hook(name, new HookConfig(target.strip(), ignoreFailure));
    }

    /** The default ignore_failure flag of a hook configured without one. */
    static boolean ignoredByDefault(String name) {
        return IGNORED_BY_DEFAULT.contains(name);
    }

    /** circusctl's form {@code before_start:pkg.f,after_start:pkg.g}; merged into the existing hooks. */
    static void hooks(WatcherConfig.Builder b, String value) {
        for (String item : value.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            String[] parts = item.split(":", 2); // the target may hold ':' (java:..., exec:...)
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected hook:target pairs separated by commas");
            }
            String name = parts[0].strip();
            hook(b, name, parts[1], ignoredByDefault(name));
        }
    }

    static void rlimit(WatcherConfig.Builder b, String name, String value) {
        Rlimit r = Rlimit.byName(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown resource limit '" + name + "' (expected one of " + Arrays.stream(Rlimit.values())
                        .map(Rlimit::configName).collect(Collectors.joining(", ")) + ")"));
        b.rlimit(r, OptionValues.parseRlimit(value));
    }

    /** {@code K=V,K2=V2}, as circusctl prints an env; replaces the whole env. */
    static Map<String, String> env(String value) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String item : value.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0 || item.substring(0, eq).isBlank()) {
                throw new IllegalArgumentException("expected NAME=value pairs separated by commas");
            }
            env.put(item.substring(0, eq).strip(), item.substring(eq + 1).strip());
        }
        return env;
    }

    /** One {@code stdout_stream.<sub>} setting, applied to the named stream's configuration. */
    static void streamOption(WatcherConfig.Builder b, WatcherConfig base, String stream, String sub, String value) {
        if (sub.isEmpty()) {
            throw new IllegalArgumentException("expected a sub-key, e.g. " + stream + ".class or "
                    + stream + ".filename");
        }
        StreamConfig current = STDOUT.equals(stream) ? base.stdoutStream() : base.stderrStream();
        Map<String, String> options = new LinkedHashMap<>(current.options());
        String className = current.className();
        if (sub.equals("class")) {
            className = value.strip();
        } else {
            options.put(sub, value);
        }
        setStream(b, stream, className, options);
    }

    /** A whole stream configuration: {@code class} plus the stream's own options. */
    static void stream(WatcherConfig.Builder b, String stream, Map<String, String> conf) {
        Map<String, String> options = new LinkedHashMap<>(conf);
        String className = options.remove("class");
        setStream(b, stream, className == null ? "" : className.strip(), options);
    }

    private static void setStream(WatcherConfig.Builder b, String stream, String className,
                                  Map<String, String> options) {
        // Circus's get_stream: a filename without a class means a FileStream.
        if (className.isEmpty() && options.containsKey("filename")) {
            className = "FileStream";
        }
        StreamConfig config = new StreamConfig(className, options);
        if (STDOUT.equals(stream)) {
            b.stdoutStream(config);
        } else {
            b.stderrStream(config);
        }
    }

    /** The stream name of a {@code stdout_stream.x} / {@code stderr_stream.x} key, or null. */
    static String streamOf(String key) {
        for (String s : List.of(STDOUT, STDERR)) {
            if (key.startsWith(s + ".")) {
                return s;
            }
        }
        return null;
    }

    private static void checkHookName(String name) {
        if (!HOOK_NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown hook '" + name + "' (expected one of "
                    + String.join(", ", HOOK_NAMES.stream().sorted().toList()) + ")");
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
