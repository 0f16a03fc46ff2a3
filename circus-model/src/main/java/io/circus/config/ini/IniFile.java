package io.circus.config.ini;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One parsed file: its sections in the order they first appear (a repeated section already merged,
 * first definition of each key kept), and its {@code [DEFAULT]} section apart.
 *
 * @param path     the file
 * @param sections section name to key to entry, both in file order
 * @param defaults the {@code [DEFAULT]} entries
 * @param suspects indented lines that were joined to a value but read like options
 */
record IniFile(Path path, Map<String, Map<String, IniEntry>> sections, Map<String, IniEntry> defaults,
               List<IniLexer.Suspect> suspects) {

    static final String DEFAULT_SECTION = "DEFAULT";
}
