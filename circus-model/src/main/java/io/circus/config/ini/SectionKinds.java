package io.circus.config.ini;

import io.circus.config.WatcherOptions;
import java.util.ArrayList;
import java.util.List;

/** Which sections mean something, and the warnings about those that do not. */
final class SectionKinds {

    private static final List<String> PREFIXES = List.of(WatcherSectionReader.PREFIX, SocketSectionReader.PREFIX,
            PluginSectionReader.PREFIX, "env:");
    private static final List<String> PLAIN = List.of(GlobalSectionReader.SECTION, "env");

    private SectionKinds() {
    }

    static boolean isKnown(String section) {
        return PLAIN.contains(section) || PREFIXES.stream().anyMatch(section::startsWith);
    }

    /** Circus ignores unknown sections silently; {@code [Watcher:web]} then silently starts nothing. */
    static void warnUnknown(IniDocument doc, Warnings warnings) {
        for (String name : doc.sectionNames()) {
            if (!isKnown(name)) {
                warnings.add(doc.fileOf(name), name, null, "unknown section, ignored" + hint(name));
            }
        }
    }

    /** The sections of one kind that have entries; empty ones are skipped as Circus skips them. */
    static List<String> used(IniDocument doc, String prefix, Warnings warnings) {
        List<String> out = new ArrayList<>();
        for (String name : doc.sectionNames()) {
            if (!name.startsWith(prefix)) {
                continue;
            }
            if (doc.items(name).isEmpty()) {
                warnings.add(doc.fileOf(name), name, null, "empty section, ignored");
            } else {
                out.add(name);
            }
        }
        return out;
    }

    /** Indented {@code key = value} lines that were joined to the value above them. */
    static void warnSuspects(List<IniFile> files, Warnings warnings) {
        for (IniFile f : files) {
            for (IniLexer.Suspect s : f.suspects()) {
                if (isOptionOf(s.section(), s.key())) {
                    warnings.add(f.path(), s.section(), s.joinedTo(), "line " + s.line() + ": the indented line '"
                            + s.key() + " ...' continues the value of '" + s.joinedTo()
                            + "'; remove the indentation if it is meant as an option");
                }
            }
        }
    }

    private static boolean isOptionOf(String section, String key) {
        if (section.startsWith(WatcherSectionReader.PREFIX)) {
            return WatcherOptions.isKnown(key);
        }
        if (section.startsWith(SocketSectionReader.PREFIX)) {
            return SocketSectionReader.knownKeys().contains(key);
        }
        return section.equals(GlobalSectionReader.SECTION) && GlobalSectionReader.knownKeys().contains(key);
    }

    private static String hint(String name) {
        int colon = name.indexOf(':');
        if (colon < 0) {
            return SpellingAdvisor.suggest(name, PLAIN).map(p -> "; did you mean [" + p + "]?").orElse("");
        }
        String rest = name.substring(colon + 1);
        return SpellingAdvisor.suggest(name.substring(0, colon + 1), PREFIXES)
                .map(p -> "; section names are case-sensitive, did you mean [" + p + rest + "]?").orElse("");
    }
}
