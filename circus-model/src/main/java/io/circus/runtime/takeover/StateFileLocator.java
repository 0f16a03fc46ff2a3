package io.circus.runtime.takeover;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the state file of a configuration lives. {@code [circus] statefile} names it (relative to the
 * configuration file's directory), and {@code none} turns crash takeover off. By default it is
 * {@code circusd-<ini name>-<hash of the ini's absolute path>.state} in {@code /run/circus} for root and
 * in {@code .circus} beside the configuration file otherwise. The hash keeps two configurations of the
 * same name apart, and the same file started again finds its own state.
 *
 * <p>{@code $XDG_RUNTIME_DIR} is deliberately not used: it is set in a login session and absent under
 * cron or a system service manager, so the same configuration started from both would look for its
 * state in two places, and the second start would not find the first one's survivors.
 */
public final class StateFileLocator {

    /** The {@code statefile} value that turns takeover off. */
    public static final String NONE = "none";

    private StateFileLocator() {
    }

    /**
     * @param ini    the configuration file
     * @param option {@code [circus] statefile}, or null
     * @param root   whether the daemon runs as root
     * @return the state file, or empty when takeover is off
     */
    public static Optional<Path> locate(Path ini, String option, boolean root) {
        Path config = ini.toAbsolutePath().normalize();
        if (option != null && !option.isBlank()) {
            if (option.strip().toLowerCase(Locale.ROOT).equals(NONE)) {
                return Optional.empty();
            }
            return Optional.of(config.resolveSibling(option.strip()).normalize());
        }
        return Optional.of(defaultDirectory(config, root).resolve(defaultName(config)));
    }

    /** The state file for the running process. */
    public static Optional<Path> locate(Path ini, String option) {
        return locate(ini, option, isRoot());
    }

    static Path defaultDirectory(Path config, boolean root) {
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
