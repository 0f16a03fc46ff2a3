package io.circus.plugin.builtin;

import io.circus.testing.Requirements;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The test children of the built-in plugins' tests, written as executable scripts into a directory. */
final class Scripts {

    /**
     * {@code heartbeat.sh PORT BEATS}: sends {@code <pid>;<epoch seconds>} over UDP to 127.0.0.1:PORT
     * every 0.2 s, BEATS times (forever when negative), then stays alive silent. bash, for /dev/udp.
     */
    static final String HEARTBEAT = """
            #!/bin/bash
            n=0
            while [ "$2" -lt 0 ] || [ "$n" -lt "$2" ]; do
              printf -v now '%(%s)T' -1
              echo -n "$$;$now" > /dev/udp/127.0.0.1/$1
              n=$((n + 1))
              sleep 0.2
            done
            exec sleep 3600
            """;

    /** {@code hog.sh MEGABYTES}: holds that many megabytes in a shell variable, then idles. */
    static final String HOG = """
            #!/bin/sh
            hold=$(head -c $(($1 * 1048576)) /dev/zero | tr '\\0' x)
            while :; do sleep 1; done
            """;

    /**
     * {@code parent.sh MEGABYTES}: keeps one hog child running (a new one when it dies) and never
     * exits by itself; the resource watcher's child signal must reach the child only.
     */
    static final String PARENT = """
            #!/bin/sh
            here=$(dirname "$0")
            trap 'kill $child 2>/dev/null; exit 0' TERM
            while :; do
              "$here/hog.sh" "$1" &
              child=$!
              wait $child
            done
            """;

    private Scripts() {
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, text);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void requireBash() {
        Requirements.require(Files.isExecutable(Path.of("/bin/bash")), "/bin/bash (for /dev/udp heartbeats)");
    }
}
