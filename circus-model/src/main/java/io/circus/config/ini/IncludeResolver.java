package io.circus.config.ini;

import io.circus.config.ConfigException;
import io.circus.config.VariableSubstitutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files named by the main file's {@code [circus] include} (whitespace-separated globs) and
 * {@code include_dir} (directories whose {@code *.ini} are read), relative paths resolved against the
 * main file's directory, in that order. As in Circus only the main file's settings count, and they are
 * substituted with the daemon's environment only, since {@code [env]} is not known yet.
 */
final class IncludeResolver {

    private IncludeResolver() {
    }

    static List<Path> resolve(IniFile main, Map<String, String> daemonEnv, Warnings warnings)
            throws ConfigException {
        IniDocument doc = IniDocument.merge(List.of(main));
        if (!doc.has("circus")) {
            return List.of();
        }
        Map<String, IniEntry> circus = doc.items("circus");
        Path dir = main.path().getParent();
        Set<Path> found = new LinkedHashSet<>();
        IniEntry include = circus.get("include");
        if (include != null) {
            for (String pattern : words(include, daemonEnv)) {
                found.addAll(glob(dir, pattern, "include", include, warnings));
            }
        }
        IniEntry includeDir = circus.get("include_dir");
        if (includeDir != null) {
            for (String d : words(includeDir, daemonEnv)) {
                Path resolved = resolve(dir, d, "include_dir", includeDir);
                if (!Files.isDirectory(resolved)) {
                    throw includeDir.error("circus", "include_dir", d, "'" + resolved + "' is not a directory");
                }
                found.addAll(glob(dir, resolved.resolve("*.ini").toString(), "include_dir", includeDir, warnings));
            }
        }
        found.remove(main.path());
        return new ArrayList<>(found);
    }

    private static List<String> words(IniEntry entry, Map<String, String> daemonEnv) {
        String value = VariableSubstitutor.substituteEnv(entry.value(), daemonEnv).strip();
        return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
    }

    private static List<Path> glob(Path dir, String pattern, String key, IniEntry entry, Warnings warnings)
            throws ConfigException {
        Path absolute = resolve(dir, pattern, key, entry);
        PathGlob.Result result;
        try {
            result = PathGlob.glob(absolute);
        } catch (IOException | IllegalArgumentException e) {
            throw entry.error("circus", key, pattern, "cannot expand '" + absolute + "': " + e.getMessage());
        }
        if (result.missingBase() != null) {
            throw entry.error("circus", key, pattern, "directory '" + result.missingBase() + "' does not exist");
        }
        if (result.files().isEmpty()) {
            warnings.add("circus", key, entry, "'" + absolute + "' does not match any file; include paths"
                    + " are relative to the main configuration file");
        }
        return result.files().stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    private static Path resolve(Path dir, String path, String key, IniEntry entry) throws ConfigException {
        try {
            return dir.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw entry.error("circus", key, path, "not a valid path: " + e.getReason());
        }
    }
}
