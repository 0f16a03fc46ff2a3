package io.circus.runtime.takeover;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the state file of a configuration lives. {@code [circus] statefile} names it (relative to the
 * configuration file's directory), and {@code none} turns crash takeover off. By default it is
 * {@code circusd-<ini name>-<hash of the ini's absolute path>.state} in the first of:
 * {@code $XDG_RUNTIME_DIR/circus}, {@code /run/circus} (when running as root), and {@code .circus}
 * beside the configuration file. The hash keeps two configurations of the same name apart, and the
 * same file started again finds its own state.
 */
public final class StateFileLocator {

    /** The {@code statefile} value that turns takeover off. */
    public static final String NONE = "none";

    private StateFileLocator() {
    }

    /**
     * @param ini    the configuration file
     * @param option {@code [circus] statefile}, or null
     * @param env    the daemon's environment
     * @param root   whether the daemon runs as root
     * @return the state file, or empty when takeover is off
     */
    public static Optional<Path> locate(Path ini, String option, Map<String, String> env, boolean root) {
        Path config = ini.toAbsolutePath().normalize();
        if (option != null && !option.isBlank()) {
            if (option.strip().toLowerCase(Locale.ROOT).equals(NONE)) {
                return Optional.empty();
            }
            return Optional.of(config.resolveSibling(option.strip()).normalize());
        }
        return Optional.of(defaultDirectory(config, env, root).resolve(defaultName(config)));
    }

    /** The default for the running process. */
    public static Optional<Path> locate(Path ini, String option) {
        return locate(ini, option, System.getenv(), isRoot());
    }

    static Path defaultDirectory(Path config, Map<String, String> env, boolean root) {
        String xdg = env.get("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() && Files.isDirectory(Path.of(xdg))) {
            return Path.of(xdg, "circus");
        }
        if (root && Files.isDirectory(Path.of("/run"))) {
            return Path.of("/run/circus");
        }
        return config.resolveSibling(".circus");
    }

    static String defaultName(Path config) {
        String name = config.getFileName().toString();
        if (name.endsWith(".ini")) {
            name = name.substring(0, name.length() - 4);
        }
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(config.toString().getBytes(StandardCharsets.UTF_8));
            return "circusd-" + name + "-" + HexFormat.of().formatHex(hash, 0, 6) + ".state";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer i && i == 0;
        } catch (java.io.IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
