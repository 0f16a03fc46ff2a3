package io.circus.console.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The daemon's pid file: refuses to start a second daemon while the recorded pid is alive, replaces
 * a stale or garbled one, and is removed at exit only if it still holds our pid.
 */
final class PidFile {

    private final Path path;
    private final long pid = ProcessHandle.current().pid();

    private PidFile(Path path) {
        this.path = path;
    }

    /** @throws IllegalStateException when a live process owns the file */
    static PidFile claim(Path path) throws IOException {
        PidFile file = new PidFile(path);
        long existing = file.recordedPid();
        if (existing > 0 && existing != file.pid && ProcessHandle.of(existing).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException("pid file " + path + " belongs to running process " + existing
                    + "; is another circusd running?");
        }
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp" + file.pid);
        Files.writeString(tmp, file.pid + "\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private long recordedPid() {
        try {
            return Long.parseLong(Files.readString(path, StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            return -1; // Missing or garbage: ours to overwrite.
        }
    }

    void release() {
        if (recordedPid() == pid) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // Best effort at exit; a stale file is detected next time.
            }
        }
    }
}
