package io.circus.extension;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The value of {@code [circus] extension_path}: jars and directories separated by {@code :} or {@code ,}
 * (blanks around each entry are ignored), relative entries resolved against the directory of the
 * configuration file that sets them.
 */
public final class ExtensionPath {

    private ExtensionPath() {
    }

    /**
     * Parses and checks a value. Each entry must be an existing directory or a readable {@code .jar} (or
     * {@code .zip}) file.
     *
     * @param value   the setting as written (after variable substitution); empty gives an empty path
     * @param baseDir the directory relative entries are resolved against
     * @return the entries, absolute and normalised, in order, without duplicates
     * @throws IllegalArgumentException naming the first entry that is not usable and why
     */
    public static List<Path> parse(String value, Path baseDir) {
        List<Path> entries = new ArrayList<>();
        for (String raw : value.split("[:,]")) {
            String text = raw.strip();
            if (text.isEmpty()) {
                continue;
            }
            Path p = check(text, resolve(text, baseDir));
            if (!entries.contains(p)) {
                entries.add(p);
            }
        }
        return List.copyOf(entries);
    }

    private static Path resolve(String text, Path baseDir) {
        try {
            return baseDir.resolve(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("entry '" + text + "' is not a valid path: " + e.getReason());
        }
    }

    private static Path check(String text, Path p) {
        String where = "entry '" + text + "'" + (text.equals(p.toString()) ? "" : " (" + p + ")");
        if (!Files.exists(p)) {
            throw new IllegalArgumentException(where + " does not exist");
        }
        if (Files.isDirectory(p)) {
            if (!Files.isReadable(p) || !Files.isExecutable(p)) {
                throw new IllegalArgumentException(where + " is a directory the daemon cannot read");
            }
            return p;
        }
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(p) || !(name.endsWith(".jar") || name.endsWith(".zip"))) {
            throw new IllegalArgumentException(where + " is neither a directory nor a .jar file");
        }
        if (!Files.isReadable(p)) {
            throw new IllegalArgumentException(where + " is a jar the daemon cannot read");
        }
        return p;
    }
}
