package io.circus.stats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
    record Stat(long pid, String comm, char state, long ppid, long utime, long stime, int nice, long startTicks) {
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
        String[] f = line.substring(close + 1).strip().split("\\s+");
        // f[0] is field 3 of proc(5): state; utime is field 14, stime 15, nice 19, starttime 22.
        return new Stat(pid, comm, f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[11]),
                Long.parseLong(f[12]), Integer.parseInt(f[16]), Long.parseLong(f[19]));
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

    /** Direct children, from every thread's {@code children} file (a child belongs to the thread that forked it). */
    List<Long> children(long pid) {
        List<Long> children = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(root.resolve(Long.toString(pid)).resolve("task"))) {
            for (Path task : tasks) {
                String text = read(task.resolve("children"));
                if (text == null) {
                    continue;
                }
                for (String word : text.strip().split("\\s+")) {
                    if (!word.isEmpty()) {
                        children.add(Long.parseLong(word));
                    }
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return children;
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

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            // ESRCH on a process that exited between open and read: same as gone.
            return null;
        }
    }
}
