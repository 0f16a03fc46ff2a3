package io.circus.config;

import io.circus.config.ini.IniConfigReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Loads a Circus ini configuration ({@code circus.ini}) into a validated {@link CircusConfig}. Follows
 * Circus 0.19's loader; the deliberate differences are listed in {@code docs/compatibility.md}.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /** Loads with the daemon's own environment (for {@code $(circus.env.X)}, {@code $NAME} and copy_env). */
    public static CircusConfig load(Path file) throws ConfigException {
        return load(file, System.getenv());
    }

    /**
     * Loads with the given process environment instead of the daemon's: tests, and tools that check a
     * file for another environment.
     *
     * @throws ConfigException naming file, section, key and value when anything is wrong
     */
    public static CircusConfig load(Path file, Map<String, String> environment) throws ConfigException {
        Objects.requireNonNull(file, "file");
        return IniConfigReader.read(file, Map.copyOf(environment));
    }
}
