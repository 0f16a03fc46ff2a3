package io.circus.config;

import java.nio.file.Path;

/**
 * A configuration that cannot be used. The message names the file, the section, the key and the
 * offending value, so an operator can fix it without guessing; nothing was started or changed.
 */
public final class ConfigException extends Exception {

    private final Path file;
    private final String section;
    private final String key;
    private final String value;

    public ConfigException(Path file, String section, String key, String value, String problem) {
        super(format(file, section, key, value, problem));
        this.file = file;
        this.section = section;
        this.key = key;
        this.value = value;
    }

    public ConfigException(Path file, String problem, Throwable cause) {
        super(format(file, null, null, null, problem), cause);
        this.file = file;
        this.section = null;
        this.key = null;
        this.value = null;
    }

    private static String format(Path file, String section, String key, String value, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<config>" : file.toString());
        if (section != null) {
            sb.append(": [").append(section).append(']');
        }
        if (key != null) {
            sb.append(' ').append(key);
            if (value != null) {
                sb.append(" = '").append(value).append('\'');
            }
        }
        return sb.append(": ").append(problem).toString();
    }

    public Path file() { return file; }
    public String section() { return section; }
    public String key() { return key; }
    public String value() { return value; }
}
