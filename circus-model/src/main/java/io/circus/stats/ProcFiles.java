package io.circus.stats;

import io.circus.os.linux.Libc;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and parses the few {@code /proc} files the sampler needs. The root is a parameter so tests
 * can lay out a fake {@code /proc}. Thread-safe; the only state is the per-pid files held open between
 * rounds ({@link OpenProcFiles}). A process that vanishes mid-read yields null rather than an
 * exception, because that is an everyday race, not an error.
 */
final class ProcFiles {

    /**
     * USER_HZ, the unit of the tick counts in {@code /proc/<pid>/stat}. The kernel fixes it at 100
     * for user space on every architecture Java runs on; only sysconf could say otherwise, and it
     * is not worth a native call.
     */
    static final long TICKS_PER_SECOND = Long.getLong("circus.stats.clockTicks", 100);

    /** The machine's page size, the unit of {@code statm}; asked of libc once. */
    static final long PAGE_SIZE = pageSize();

    private final Path root;
    private final long pageSize;
    private final OpenProcFiles statFiles;
    private final OpenProcFiles statmFiles;
    private final OpenProcFiles childrenFiles;

    ProcFiles(Path root) {
        this.root = root;
        this.pageSize = PAGE_SIZE;
        // Only the kernel's /proc fails reads of a reaped process on a handle kept open; a file of a
        // fake tree stays readable after deletion, so a fake tree is read afresh every time.
        int limit = root.equals(Path.of("/proc")) ? OpenProcFiles.DEFAULT_LIMIT : 0;
        this.statFiles = new OpenProcFiles(pid -> root.resolve(Long.toString(pid)).resolve("stat"), limit);
        this.statmFiles = new OpenProcFiles(pid -> root.resolve(Long.toString(pid)).resolve("statm"), limit);
        this.childrenFiles = new OpenProcFiles(pid -> root.resolve(Long.toString(pid)).resolve("task")
                .resolve(Long.toString(pid)).resolve("children"), limit);
    }

    private static long pageSize() {
        try {
            return Libc.getpagesize();
        } catch (RuntimeException | LinkageError e) {
            // No native access: the page size of every common Linux build.
            return 4096;
        }
    }

    /** The fields of {@code /proc/<pid>/stat} we use; tick counts are in USER_HZ. */
    record Stat(long pid, String comm, char state, long ppid, long utime, long stime, int nice, int threads,
                long startTicks) {
        long cpuTicks() {
            return utime + stime;
        }
    }

    /** The process's stat line, or null when it is gone. */
    Stat stat(long pid) {
        ByteBuffer line = statFiles.read(pid);
        return line == null ? null : parseStat(line.array(), line.limit());
    }

    /**
     * Resident and virtual size in bytes, from {@code /proc/<pid>/statm}: the same exact figures as
     * VmRSS and VmSize of {@code status}, which costs the kernel far more to format. (The rss field of
     * {@code stat} is not used: recent kernels fill it from per-CPU counters without summing them, so
     * it can be hundreds of KiB short of VmRSS for a small process.)
     */
    record Memory(long rssBytes, long vmsBytes) {
    }

    Memory memory(long pid) {
        ByteBuffer text = statmFiles.read(pid);
        return text == null ? null : parseStatm(text.array(), text.limit(), pageSize);
    }

    /** {@code size resident shared text lib data dt}, in pages. */
    static Memory parseStatm(byte[] text, int length, long pageSize) {
        long size = -1;
        long resident = -1;
        long v = -1;
        for (int i = 0; i <= length && resident < 0; i++) {
            if (i < length && text[i] >= '0' && text[i] <= '9') {
                v = (v < 0 ? 0 : v * 10) + (text[i] - '0');
            } else if (v >= 0) {
                if (size < 0) {
                    size = v;
                } else {
                    resident = v;
                }
                v = -1;
            }
        }
        if (resident < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/statm line: "
                    + new String(text, 0, length, StandardCharsets.ISO_8859_1));
        }
        return new Memory(resident * pageSize, size * pageSize);
    }

    /** Closes what is held open for a pid that is gone or no longer sampled. */
    void forget(long pid) {
        statFiles.forget(pid);
        statmFiles.forget(pid);
        childrenFiles.forget(pid);
    }

    /** Files held open (for tests). */
    int openFiles() {
        return statFiles.openCount() + statmFiles.openCount() + childrenFiles.openCount();
    }

    static Stat parseStat(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
        return parseStat(bytes, bytes.length);
    }

    /**
     * Parses a stat line straight from the bytes read (a stats round parses thousands; no words are
     * cut out). The command name sits in parentheses and may itself contain spaces and parentheses,
     * so fields are counted from the last {@code ')'}.
     */
    static Stat parseStat(byte[] line, int length) {
        int open = -1;
        int close = -1;
        for (int i = 0; i < length; i++) {
            if (line[i] == '(' && open < 0) {
                open = i;
            } else if (line[i] == ')') {
                close = i;
            }
        }
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: "
                    + new String(line, 0, length, StandardCharsets.ISO_8859_1));
        }
        long pid = Long.parseLong(new String(line, 0, open, StandardCharsets.ISO_8859_1).strip());
        String comm = new String(line, open + 1, close - open - 1, StandardCharsets.ISO_8859_1);
        // Field numbers of proc(5): state is 3, ppid 4, utime 14, stime 15, nice 19, num_threads 20,
        // starttime 22.
        long[] f = new long[23];
        char state = '?';
        int field = 3;
        int i = close + 1;
        while (field <= 22) {
            while (i < length && (line[i] == ' ' || line[i] == '\n')) {
                i++;
            }
            if (i >= length) {
                throw new IllegalArgumentException("not a /proc/<pid>/stat line: "
                        + new String(line, 0, length, StandardCharsets.ISO_8859_1));
            }
            if (field == 3) {
                state = (char) (line[i++] & 0xff);
            } else {
                boolean negative = line[i] == '-';
                if (negative) {
                    i++;
                }
                long v = 0;
                while (i < length && line[i] >= '0' && line[i] <= '9') {
                    v = v * 10 + (line[i++] - '0');
                }
                f[field] = negative ? -v : v;
            }
            while (i < length && line[i] != ' ' && line[i] != '\n') {
                i++;
            }
            field++;
        }
        return new Stat(pid, comm, state, f[4], f[14], f[15], (int) f[19], (int) f[20], f[22]);
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
            ByteBuffer text = childrenFiles.read(pid);
            if (text != null) {
                return pids(text.array(), text.limit());
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

    private static List<Long> pids(byte[] text, int length) {
        List<Long> pids = List.of();
        long v = -1;
        for (int i = 0; i <= length; i++) {
            if (i < length && text[i] >= '0' && text[i] <= '9') {
                v = (v < 0 ? 0 : v * 10) + (text[i] - '0');
            } else if (v >= 0) {
                if (pids.isEmpty()) {
                    pids = new ArrayList<>();
                }
                pids.add(v);
                v = -1;
            }
        }
        return pids;
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
