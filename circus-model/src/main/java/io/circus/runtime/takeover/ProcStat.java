package io.circus.runtime.takeover;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The fields of {@code /proc/<pid>/stat} that identify a process: its start time (field 22, clock
 * ticks since boot) tells a process from a later one that got the same pid.
 *
 * @param pid        the process id
 * @param state      field 3: R, S, D, Z (zombie), ...
 * @param pgid       field 5: the process group
 * @param sid        field 6: the session
 * @param startTicks field 22: start time in clock ticks after boot
 */
record ProcStat(long pid, char state, long pgid, long sid, long startTicks) {

    private static final Path PROC = Path.of("/proc");

    /** A zombie is dead: it cannot be signalled any more and only waits for its parent. */
    boolean zombie() {
        return state == 'Z' || state == 'X';
    }

    /** The process now using {@code pid}, or null when none does. */
    static ProcStat read(long pid) {
        try {
            return parse(Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return null; // Gone between listing and reading: an everyday race.
        }
    }

    /** Every process of the system, by pid (one pass over /proc). */
    static Map<Long, ProcStat> all() {
        Map<Long, ProcStat> all = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> isNumber(p.getFileName().toString()))) {
            for (Path dir : dirs) {
                ProcStat s = read(Long.parseLong(dir.getFileName().toString()));
                if (s != null) {
                    all.put(s.pid(), s);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return all;
    }

    /**
     * Parses a stat line. The command name is in parentheses and may itself hold spaces and
     * parentheses, so fields are counted from the last {@code ')'}.
     */
    static ProcStat parse(String line) {
        int close = line.lastIndexOf(')');
        int open = line.indexOf('(');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
        }
        String[] f = line.substring(close + 1).strip().split(" ");
        // f[0] is field 3 (state); field n is f[n - 3].
        return new ProcStat(Long.parseLong(line.substring(0, open).strip()), f[0].charAt(0),
                Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[19]));
    }

    /** This boot's identity: start times only compare within one boot. */
    static String bootId() {
        try {
            return Files.readString(PROC.resolve("sys/kernel/random/boot_id"), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
