package io.circus.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A hand-written {@code /proc} tree, so sampling can be tested with exact numbers. */
final class FakeProc {

    final Path root;

    FakeProc(Path root) {
        this.root = root;
        write(root.resolve("uptime"), "100.00 180.00\n");
        write(root.resolve("stat"), "cpu  1 2 3 4\nbtime 1700000000\nprocesses 9\n");
        write(root.resolve("meminfo"), "MemTotal:        1000000 kB\nMemFree:  1 kB\n");
    }

    /**
     * A process with the given tick counts (USER_HZ = 100) and start time in ticks since boot. Its size
     * is written both to {@code statm} (in pages, as the kernel does) and {@code status}; the sampler
     * reads {@code statm}, so {@code rssKb} should be a whole number of pages.
     */
    FakeProc process(long pid, long ppid, String comm, long utime, long stime, long startTicks, long rssKb, String... argv) {
        Path dir = root.resolve(Long.toString(pid));
        String stat = pid + " (" + comm + ") S " + ppid + " 1 1 0 -1 4194304 97 0 0 0 " + utime + " " + stime
                + " 0 0 20 5 1 0 " + startTicks + " 3133440 359 18446744073709551615 0 0\n";
        write(dir.resolve("stat"), stat);
        write(dir.resolve("status"), "Name:\t" + comm + "\nVmSize:\t    8000 kB\nVmRSS:\t    " + rssKb + " kB\n");
        write(dir.resolve("statm"), 8000 * 1024 / ProcFiles.PAGE_SIZE + " " + rssKb * 1024 / ProcFiles.PAGE_SIZE + " 89 5 0 102 0\n");
        write(dir.resolve("cmdline"), argv.length == 0 ? "" : String.join("\0", argv) + "\0");
        write(dir.resolve("task").resolve(Long.toString(pid)).resolve("children"), "");
        return this;
    }

    FakeProc children(long pid, long... children) {
        StringBuilder sb = new StringBuilder();
        for (long c : children) {
            sb.append(c).append(' ');
        }
        write(root.resolve(Long.toString(pid)).resolve("task").resolve(Long.toString(pid)).resolve("children"), sb.toString());
        return this;
    }

    void gone(long pid) {
        try (var files = Files.walk(root.resolve(Long.toString(pid)))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
