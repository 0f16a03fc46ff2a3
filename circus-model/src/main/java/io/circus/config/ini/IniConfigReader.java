package io.circus.config.ini;

import io.circus.config.CircusConfig;
import io.circus.config.ConfigException;
import io.circus.config.GlobalSettings;
import io.circus.config.PluginConfig;
import io.circus.config.SocketConfig;
import io.circus.config.WatcherConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a Circus configuration: the main file, then its includes; the environment sections; then
 * {@code [circus]}, sockets, plugins and watchers. Anything wrong is a {@link ConfigException} before
 * a single value is used, so nothing starts from a half-read file.
 */
public final class IniConfigReader {

    private IniConfigReader() {
    }

    public static CircusConfig read(Path file, Map<String, String> daemonEnv) throws ConfigException {
        Path main = file.toAbsolutePath().normalize();
        if (!Files.exists(main)) {
            throw new ConfigException(main, null, null, null, "the configuration file does not exist");
        }
        if (!Files.isRegularFile(main)) {
            throw new ConfigException(main, null, null, null, "not a regular file");
        }
        Warnings warnings = new Warnings();
        IniFile mainFile = IniFileParser.parse(main);
        List<IniFile> files = new ArrayList<>(List.of(mainFile));
        for (Path p : IncludeResolver.resolve(mainFile, daemonEnv, warnings)) {
            IniFile included = IniFileParser.parse(p);
            Map<String, IniEntry> circus = included.sections().getOrDefault(GlobalSectionReader.SECTION, Map.of());
            for (String key : List.of("include", "include_dir")) {
                if (circus.containsKey(key)) {
                    warnings.add(GlobalSectionReader.SECTION, key, circus.get(key),
                            "ignored: only the main file's include settings are read, as in Circus");
                }
            }
            files.add(included);
        }
        IniDocument doc = IniDocument.merge(files);
        SectionKinds.warnUnknown(doc, warnings);
        EnvResolver envs = new EnvResolver(doc, daemonEnv);
        Map<String, String> base = envs.substitutionBase();
        GlobalSettings global = GlobalSectionReader.read(doc, base, warnings);

        List<SocketConfig> sockets = new ArrayList<>();
        Map<String, String> socketSections = new HashMap<>();
        for (String section : SectionKinds.used(doc, SocketSectionReader.PREFIX, warnings)) {
            SocketConfig s = SocketSectionReader.read(doc, section, base, warnings);
            String other = socketSections.putIfAbsent(s.name(), section);
            if (other != null) {
                throw new ConfigException(doc.fileOf(section), section, null, null, "socket name '" + s.name()
                        + "' is already used by [" + other + "] (socket names are lower-cased)");
            }
            sockets.add(s);
        }
        List<PluginConfig> plugins = new ArrayList<>();
        for (String section : SectionKinds.used(doc, PluginSectionReader.PREFIX, warnings)) {
            plugins.add(PluginSectionReader.read(doc, section, base));
        }
        Set<String> socketNames = sockets.stream().map(SocketConfig::name).collect(Collectors.toSet());
        List<WatcherConfig> watchers = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (String section : SectionKinds.used(doc, WatcherSectionReader.PREFIX, warnings)) {
            WatcherConfig w = WatcherSectionReader.read(doc, section, envs, daemonEnv, socketNames, warnings);
            String other = seen.putIfAbsent(w.name().toLowerCase(Locale.ROOT), section);
            if (other != null) {
                throw new ConfigException(doc.fileOf(section), section, null, null, "watcher name '" + w.name()
                        + "' is already used by [" + other + "] (names are compared without regard to case)");
            }
            watchers.add(w);
        }
        envs.warnUnmatched(warnings);
        SectionKinds.warnSuspects(files, warnings);
        // Circus sorts all three lists by name; watcher order breaks ties between equal priorities.
        watchers.sort(Comparator.comparing(WatcherConfig::name));
        sockets.sort(Comparator.comparing(SocketConfig::name));
        plugins.sort(Comparator.comparing(PluginConfig::name));
        return new CircusConfig(main, files.stream().map(IniFile::path).toList(), global, envs.global(),
                watchers, sockets, plugins, warnings.list());
    }
}
