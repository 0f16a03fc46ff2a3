package io.circus.config.ini;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Non-fatal findings, each worded like a ConfigException: file, section, key, then what is wrong. */
final class Warnings {

    private final List<String> messages = new ArrayList<>();

    void add(Path file, String section, String key, String message) {
        StringBuilder sb = new StringBuilder(file == null ? "<config>" : file.toString());
        if (section != null) {
            sb.append(": [").append(section).append(']');
        }
        if (key != null) {
            sb.append(' ').append(key);
        }
        messages.add(sb.append(": ").append(message).toString());
    }

    void add(String section, String key, IniEntry entry, String message) {
        add(entry.file(), section, key, "line " + entry.line() + ": " + message
                + (entry.inherited() ? " (inherited from [DEFAULT])" : ""));
    }

    List<String> list() {
        return List.copyOf(messages);
    }
}
