package io.circus.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        return builder().watchers(watchers).build();
    }

    /** A builder of a configuration in code: no file, Circus's global defaults, nothing else yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration, to replace some of its parts. */
    public Builder toBuilder() {
        return new Builder().file(file).files(files).global(global).env(env).watchers(watchers).sockets(sockets)
                .plugins(plugins).warnings(warnings);
    }

    /**
     * Fluent, mutable builder, one setter per part. It checks only that parts are not null (the
     * loader validates what a file says, and keeps watchers, sockets and plugins sorted by name).
     */
    public static final class Builder {
        private Path file;
        private List<Path> files = List.of();
        private GlobalSettings global = GlobalSettings.defaults();
        private Map<String, String> env = Map.of();
        private List<WatcherConfig> watchers = List.of();
        private List<SocketConfig> sockets = List.of();
        private List<PluginConfig> plugins = List.of();
        private List<String> warnings = List.of();

        private Builder() {
        }

        /** The main file, or null for a configuration built in code. */
        public Builder file(Path main) { file = main; return this; }
        /** Every file read, main file first. */
        public Builder files(List<Path> read) { files = Objects.requireNonNull(read, "files"); return this; }
        /** The {@code [circus]} section. */
        public Builder global(GlobalSettings g) { global = Objects.requireNonNull(g, "global"); return this; }
        /** The {@code [env]} section, substituted. */
        public Builder env(Map<String, String> e) { env = Objects.requireNonNull(e, "env"); return this; }
        /** The watchers, sorted by name. */
        public Builder watchers(List<WatcherConfig> w) { watchers = Objects.requireNonNull(w, "watchers"); return this; }
        /** The sockets, sorted by name. */
        public Builder sockets(List<SocketConfig> s) { sockets = Objects.requireNonNull(s, "sockets"); return this; }
        /** The plugins, sorted by name. */
        public Builder plugins(List<PluginConfig> p) { plugins = Objects.requireNonNull(p, "plugins"); return this; }
        /** Non-fatal findings, each naming file, section and key. */
        public Builder warnings(List<String> w) { warnings = Objects.requireNonNull(w, "warnings"); return this; }

        public CircusConfig build() {
            return new CircusConfig(file, files, global, env, watchers, sockets, plugins, warnings);
        }
    }

    /** Case-insensitive lookup, as Circus looks watchers up. */
    public Optional<WatcherConfig> watcher(String name) {
        return watchers.stream().filter(w -> w.name().equalsIgnoreCase(name)).findFirst();
    }
}
