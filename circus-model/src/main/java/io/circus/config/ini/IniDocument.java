package io.circus.config.ini;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several files read as one, the way Circus reads the main file and then its includes into one
 * parser: a section seen again is merged into the first, and the first definition of a key wins, so
 * the main file beats its includes and earlier includes beat later ones.
 */
final class IniDocument {

    private final Map<String, Map<String, IniEntry>> sections = new LinkedHashMap<>();
    private final Map<String, Path> origins = new LinkedHashMap<>();
    private final Map<String, IniEntry> defaults = new LinkedHashMap<>();

    private IniDocument() {
    }

    static IniDocument merge(List<IniFile> files) {
        IniDocument doc = new IniDocument();
        for (IniFile f : files) {
            f.defaults().forEach(doc.defaults::putIfAbsent);
            f.sections().forEach((name, entries) -> {
                doc.origins.putIfAbsent(name, f.path());
                Map<String, IniEntry> target = doc.sections.computeIfAbsent(name, n -> new LinkedHashMap<>());
                entries.forEach(target::putIfAbsent);
            });
        }
        return doc;
    }

    /** Section names in the order they first appear, {@code [DEFAULT]} excluded. */
    Set<String> sectionNames() {
        return Collections.unmodifiableSet(sections.keySet());
    }

    boolean has(String section) {
        return sections.containsKey(section);
    }

    /** The file where the section first appears. */
    Path fileOf(String section) {
        return origins.get(section);
    }

    /** The section's own entries, without {@code [DEFAULT]}. */
    Map<String, IniEntry> own(String section) {
        return Collections.unmodifiableMap(sections.getOrDefault(section, Map.of()));
    }

    /** The section's entries followed by the {@code [DEFAULT]} entries it does not define itself. */
    Map<String, IniEntry> items(String section) {
        Map<String, IniEntry> all = new LinkedHashMap<>(own(section));
        defaults.forEach((k, e) -> all.putIfAbsent(k, e.asInherited()));
        return all;
    }
}
