package io.circus.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Reads the daemon's open-files limit where no native call is at hand. Stateless, any thread. */
final class OpenFileLimits {

    private static final Path LIMITS = Path.of("/proc/self/limits");

    private OpenFileLimits() {
    }

    /** The soft "Max open files" of {@code /proc/self/limits}; empty off Linux or when unlimited. */
    static OptionalLong fromProc() {
        try {
            for (String line : Files.readAllLines(LIMITS)) {
                if (line.startsWith("Max open files")) {
                    String[] words = line.substring("Max open files".length()).trim().split("\\s+");
                    return words[0].equals("unlimited") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(words[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or an unexpected format: unknown.
        }
        return OptionalLong.empty();
    }
}
