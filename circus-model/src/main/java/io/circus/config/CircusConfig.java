package io.circus.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole, validated configuration: immutable, so a reload compares two of these.
 *
 * @param file      the main file (absolute), or null for a configuration built in code
 * @param files     every file read, main file first
 * @param global    the {@code [circus]} section
 * @param env       the {@code [env]} section, substituted
 * @param watchers  the watchers, sorted by name
 * @param sockets   the sockets, sorted by name (as Circus sorts them)
 * @param plugins   the plugins, sorted by name (as Circus sorts them)
 * @param warnings  non-fatal findings (unknown keys, empty includes), each naming file, section and key
 */
public record CircusConfig(Path file, List<Path> files, GlobalSettings global, Map<String, String> env,
                           List<WatcherConfig> watchers, List<SocketConfig> sockets, List<PluginConfig> plugins,
                           List<String> warnings) {

    public CircusConfig {
        files = List.copyOf(files);
        env = Map.copyOf(env);
        watchers = List.copyOf(watchers);
        sockets = List.copyOf(sockets);
        plugins = List.copyOf(plugins);
        warnings = List.copyOf(warnings);
    }

    /** A configuration built in code: defaults for everything but the watchers. */
    public static CircusConfig of(List<WatcherConfig> watchers) {
        return new CircusConfig(null, List.of(), GlobalSettings.defaults(), Map.of(), watchers, List.of(),
                List.of(), List.of());
    }

    /** Case-insensitive lookup, as Circus looks watchers up. */
    public Optional<WatcherConfig> watcher(String name) {
        return watchers.stream().filter(w -> w.name().equalsIgnoreCase(name)).findFirst();
    }
}
