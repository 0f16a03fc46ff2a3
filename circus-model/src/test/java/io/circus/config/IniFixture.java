package io.circus.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes ini files into a test's temporary directory and loads them with a fixed environment. */
final class IniFixture {

    /** The daemon environment the tests pretend to have. */
    static final Map<String, String> ENV = Map.of("HOME", "/home/op", "PATH", "/usr/bin:/bin", "USER", "op",
            "GRAVITY", "down", "LANG", "C.UTF-8");

    private final Path dir;

    IniFixture(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Writes {@code name} (parent directories included) with the given lines. */
    Path write(String name, String... lines) {
        Path p = dir.resolve(name);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    CircusConfig load(String name) throws ConfigException {
        return ConfigLoader.load(dir.resolve(name), ENV);
    }

    CircusConfig load(String name, Map<String, String> env) throws ConfigException {
        return ConfigLoader.load(dir.resolve(name), env);
    }

    /** Writes a one-file config and loads it. */
    CircusConfig loadLines(String... lines) throws ConfigException {
        write("circus.ini", lines);
        return load("circus.ini");
    }

    ConfigException failLines(String... lines) {
        write("circus.ini", lines);
        return assertThrows(ConfigException.class, () -> load("circus.ini"));
    }

    /** Some warning contains every one of {@code parts}. */
    static void assertWarning(CircusConfig c, String... parts) {
        boolean found = c.warnings().stream().anyMatch(w -> java.util.Arrays.stream(parts).allMatch(w::contains));
        org.junit.jupiter.api.Assertions.assertTrue(found, "no warning with " + java.util.List.of(parts)
                + " in " + c.warnings());
    }

    /** No warning contains {@code part}. */
    static void assertNoWarning(CircusConfig c, String part) {
        org.junit.jupiter.api.Assertions.assertTrue(c.warnings().stream().noneMatch(w -> w.contains(part)),
                "unexpected warning with '" + part + "' in " + c.warnings());
    }

    static WatcherConfig watcher(CircusConfig c, String name) {
        return c.watchers().stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no watcher " + name + " in " + c.watchers()));
    }
}
