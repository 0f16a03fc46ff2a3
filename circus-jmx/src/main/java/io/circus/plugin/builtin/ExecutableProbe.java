package io.circus.plugin.builtin;

import io.circus.config.ShellWords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;

/**
 * Finds the file a watcher executes and takes its fingerprint, for the command reloader. Circus
 * stats the whole {@code cmd} string, so a {@code cmd} with arguments ({@code sleep 300}) fails on
 * every round; here the program is {@code executable} when set, else the first word of {@code cmd}
 * (split as the spawner splits it), looked up on the watcher's PATH when it has no slash and resolved
 * against {@code working_dir} when relative.
 */
public final class ExecutableProbe {

    private ExecutableProbe() {
    }

    /**
     * What identifies one version of an executable: where its symbolic links lead, when it was last
     * written, and its inode (a file replaced by {@code mv} keeps its name but not its inode, and may
     * carry an old modification time).
     *
     * @param realPath   the file after resolving every link
     * @param mtimeNanos its modification time
     * @param fileKey    its identity on the file system (device and inode), or null where unknown
     */
    public record Fingerprint(Path realPath, long mtimeNanos, Object fileKey) {

        /** Whether this is a different file, or the same file written since {@code earlier}. */
        public boolean changedSince(Fingerprint earlier) {
            return !realPath.equals(earlier.realPath) || mtimeNanos != earlier.mtimeNanos
                    || !Objects.equals(fileKey, earlier.fileKey);
        }
    }

    /**
     * The program a watcher runs.
     *
     * @param cmd        the watcher's {@code cmd}
     * @param executable its {@code executable}, or null/empty
     * @param workingDir its {@code working_dir}, or null for the daemon's
     * @param pathVar    the PATH its processes get
     * @throws IOException naming the program when it cannot be found
     */
    public static Path program(String cmd, String executable, String workingDir, String pathVar) throws IOException {
        String word;
        if (executable != null && !executable.isBlank()) {
            word = executable.strip();
        } else {
            List<String> words;
            try {
                words = ShellWords.split(cmd);
            } catch (IllegalArgumentException e) {
                throw new IOException("cmd '" + cmd + "' cannot be split: " + e.getMessage());
            }
            if (words.isEmpty()) {
                throw new IOException("cmd is empty");
            }
            word = words.getFirst();
        }
        Path base = workingDir == null || workingDir.isBlank() ? Path.of("").toAbsolutePath() : Path.of(workingDir);
        if (word.contains("/")) {
            return base.resolve(word);
        }
        String path = pathVar == null || pathVar.isBlank() ? "/bin:/usr/bin" : pathVar;
        for (String dir : path.split(":")) {
            Path candidate = base.resolve(dir.isEmpty() ? "." : dir).resolve(word);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IOException("program '" + word + "' of cmd '" + cmd + "' is not found on PATH " + path);
    }

    /**
     * The program's fingerprint now.
     *
     * @throws IOException naming the file when it cannot be read (removed, mid-replacement)
     */
    public static Fingerprint fingerprint(Path program) throws IOException {
        Path real;
        try {
            real = program.toRealPath();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("program " + program + " does not exist", e);
        }
        BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
        return new Fingerprint(real, attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
                attributes.fileKey());
    }
}
