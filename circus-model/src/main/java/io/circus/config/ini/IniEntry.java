package io.circus.config.ini;

import io.circus.config.ConfigException;
import java.nio.file.Path;

/**
 * One {@code key = value} as read: its text, where it was written, and whether the section got it
 * from {@code [DEFAULT]}. Kept so every error and warning can point at the line to fix.
 *
 * @param value     the value, continuation lines joined with {@code \n}
 * @param file      the file that defined it first
 * @param line      its line number in that file
 * @param inherited whether it came from {@code [DEFAULT]} rather than the section itself
 */
record IniEntry(String value, Path file, int line, boolean inherited) {

    IniEntry asInherited() {
        return new IniEntry(value, file, line, true);
    }

    /** An error about this entry, naming file, section, key and the value as used (after substitution). */
    ConfigException error(String section, String key, String usedValue, String problem) {
        StringBuilder sb = new StringBuilder("line ").append(line).append(": ").append(problem);
        if (!usedValue.equals(value)) {
            sb.append(" (written as '").append(value).append("')");
        }
        if (inherited) {
            sb.append(" (inherited from [DEFAULT])");
        }
        return new ConfigException(file, section, key, usedValue, sb.toString());
    }
}
