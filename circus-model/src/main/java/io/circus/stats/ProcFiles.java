package io.circus.stats;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and parses the few {@code /proc} files the sampler needs. The root is a parameter so tests
 * can lay out a fake {@code /proc}. Stateless and thread-safe; a process that vanishes mid-read
 * yields null rather than an exception, because that is an everyday race, not an error.
 */
final class ProcFiles {

    /**
     * USER_HZ, the unit of the tick counts in {@code /proc/<pid>/stat}. The kernel fixes it at 100
     * for user space on every architecture Java runs on; only sysconf could say otherwise, and it
     * is not worth a native call.
     */
    static final long TICKS_PER_SECOND = Long.getLong("circus.stats.clockTicks", 100);

    private final Path root;

    ProcFiles(Path root) {
        this.root = root;
    }

    /** The fields of {@code /proc/<pid>/stat} we use; tick counts are in USER_HZ. */
    record Stat(long pid, String comm, char state, long ppid, long utime, long stime, int nice, int threads,
                long startTicks) {
        long cpuTicks() {
            return utime + stime;
        }
    }

    /** Resident and virtual size in bytes, from {@code /proc/<pid>/status}. */
    record Memory(long rssBytes, long vmsBytes) {
    }

    Stat stat(long pid) {
        String text = read(root.resolve(Long.toString(pid)).resolve("stat"));
        return text == null ? null : parseStat(text);
    }

    /**
     * Parses a stat line. The command name sits in parentheses and may itself contain spaces and
     * parentheses, so fields are counted from the last {@code ')'}.
     */
    static Stat parseStat(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
        }
        long pid = Long.parseLong(line.substring(0, open).strip());
        String comm = line.substring(open + 1, close);
        String[] f = words(line, close + 1, 20);
        // f[0] is field 3 of proc(5): state; utime is field 14, stime 15, nice 19, num_threads 20,
        // starttime 22.
        return new Stat(pid, comm, f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[11]),
                Long.parseLong(f[12]), Integer.parseInt(f[16]), Integer.parseInt(f[17]), Long.parseLong(f[19]));
    }

    /** The first {@code count} space-separated words from {@code from} (a split without a regex: a stats round parses thousands). */
    private static String[] words(String line, int from, int count) {
        String[] words = new String[count];
        int n = 0;
        int i = from;
        int length = line.length();
        while (n < count) {
            while (i < length && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= length) {
                throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
            }
            int start = i;
            while (i < length && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            words[n++] = line.substring(start, i);
        }
        return words;
    }

    /** Zero sizes for a process with no memory map (a zombie, a kernel thread). */
    Memory memory(long pid) {
        String text = read(root.resolve(Long.toString(pid)).resolve("status"));
        if (text == null) {
            return null;
        }
        return new Memory(kiloBytesField(text, "VmRSS:") * 1024, kiloBytesField(text, "VmSize:") * 1024);
    }

    /** argv; empty for zombies and kernel threads. */
    List<String> cmdline(long pid) {
        try {
            byte[] raw = Files.readAllBytes(root.resolve(Long.toString(pid)).resolve("cmdline"));
            List<String> argv = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    argv.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            if (start < raw.length) {
                argv.add(new String(raw, start, raw.length - start, StandardCharsets.UTF_8));
            }
            return argv;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The user owning {@code /proc/<pid>}, which the kernel sets to the process's effective uid. */
    String username(long pid) {
        try {
            return Files.getOwner(root.resolve(Long.toString(pid))).getName();
        } catch (IOException | UnsupportedOperationException e) {
            return "N/A";
        }
    }

    /**
     * Direct children, from every thread's {@code children} file (a child belongs to the thread that
     * forked it). A process known to have one thread has one such file: it is read without listing
     * the threads.
     */
    List<Long> children(long pid, boolean singleThreaded) {
        if (singleThreaded) {
            String text = read(root.resolve(Long.toString(pid)).resolve("task").resolve(Long.toString(pid)).resolve("children"));
            if (text != null) {
                List<Long> children = new ArrayList<>();
                addPids(text, children);
                return children;
            }
        }
        return children(pid);
    }

    /** Direct children, from every thread's {@code children} file (a child belongs to the thread that forked it). */
    List<Long> children(long pid) {
        List<Long> children = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(root.resolve(Long.toString(pid)).resolve("task"))) {
            for (Path task : tasks) {
                String text = read(task.resolve("children"));
                if (text != null) {
                    addPids(text, children);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return children;
    }

    private static void addPids(String text, List<Long> into) {
        for (String word : text.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                into.add(Long.parseLong(word));
            }
        }
    }

    /** Seconds since boot, from {@code /proc/uptime}. */
    double uptimeSeconds() {
        String text = read(root.resolve("uptime"));
        return text == null ? 0 : Double.parseDouble(text.strip().split("\\s+")[0]);
    }

    /** Boot time, epoch seconds, from the {@code btime} line of {@code /proc/stat}. */
    long bootEpochSeconds() {
        String text = read(root.resolve("stat"));
        if (text != null) {
            for (String line : text.split("\n")) {
                if (line.startsWith("btime ")) {
                    return Long.parseLong(line.substring(6).strip());
                }
            }
        }
        return 0;
    }

    /** Total memory in bytes, from {@code /proc/meminfo}; 0 when unknown. */
    long memTotalBytes() {
        String text = read(root.resolve("meminfo"));
        return text == null ? 0 : kiloBytesField(text, "MemTotal:") * 1024;
    }

    private static long kiloBytesField(String text, String key) {
        int at = text.indexOf(key);
        if (at < 0) {
            return 0;
        }
        int end = text.indexOf('\n', at);
        String value = text.substring(at + key.length(), end < 0 ? text.length() : end).strip();
        int space = value.indexOf(' ');
        return Long.parseLong(space < 0 ? value : value.substring(0, space));
    }

    /**
     * The whole file, or null when it cannot be read. A plain stream into one buffer: /proc files
     * claim size 0, and {@code Files.readString} pays for a channel and growing buffers on each of
     * the thousands of reads of a stats round.
     */
    private static String read(Path file) {
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            byte[] buffer = new byte[4096];
            int length = 0;
            int n;
            while ((n = in.read(buffer, length, buffer.length - length)) > 0) {
                length += n;
                if (length == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
            return new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            // Missing, or ESRCH on a process that exited between open and read: same as gone.
            return null;
        }
    }
}
