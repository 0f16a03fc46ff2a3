package io.circus.console.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * What the benchmark reads about a process from outside it, in {@code /proc}: the only view a
 * user's tools have of a daemon, so it is the only one the figures use.
 */
final class ProcFs {

    /** One reading of {@code /proc/PID/stat}; CPU in clock ticks, RSS in pages. */
    record Stat(long pid, char state, long ppid, long pgrp, long cpuTicks, long threads, long startTime, long rssPages) {

        boolean alive() {
            return state != 'Z' && state != 'X';
        }
    }

    private static final long CLOCK_TICKS = clockTicks();

    private ProcFs() {
    }

    /** Parses a stat line; the command name may hold spaces and parentheses, so fields count from the last ')'. */
    static Stat parseStat(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc/PID/stat line: " + line);
        }
        long pid = Long.parseLong(line.substring(0, open).strip());
        String[] f = line.substring(close + 2).strip().split(" ");
        // f[0] is field 3 (state); field k is f[k - 3].
        return new Stat(pid, f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[17]), Long.parseLong(f[19]),
                Long.parseLong(f[21]));
    }

    static Optional<Stat> stat(long pid) {
        try {
            return Optional.of(parseStat(Files.readString(Path.of("/proc/" + pid + "/stat"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The pids of the process's children, from the kernel's per-thread {@code children} lists. Not
     * {@link ProcessHandle#children()}: that reads {@code /proc/N/stat} of every process on the host to
     * find their parents, 10,000 and more reads per poll at N = 10,000, and the benchmark polling
     * that way every 20 ms took most of a core from the daemon it was timing.
     */
    static Set<Long> children(long pid) {
        Set<Long> out = new HashSet<>();
        eachChild(pid, child -> {
            out.add(child);
            return true;
        });
        return out;
    }

    /**
     * Whether any of {@code sortedPids} is still among the process's children (zombies included):
     * the stop poll's check.
     */
    static boolean anyChild(long pid, long[] sortedPids) {
        return !eachChild(pid, child -> Arrays.binarySearch(sortedPids, child) < 0);
    }

    /** Pids as the sorted array {@link #anyChild} and {@link #countChildren} search. */
    static long[] sorted(Collection<Long> pids) {
        return pids.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** How many of the process's children are not in {@code sortedExcluded}: the start poll's count. */
    static int countChildren(long pid, long[] sortedExcluded) {
        int[] n = {0};
        eachChild(pid, child -> {
            if (Arrays.binarySearch(sortedExcluded, child) < 0) {
                n[0]++;
            }
            return true;
        });
        return n[0];
    }

    /**
     * Hands each child pid in the kernel's lists to {@code visitor} until it returns false; returns
     * false then, true when all were visited. The polls' walk, as cheap as those lists allow: bytes
     * parsed in place, no boxing, no set (at N = 10,000, {@link #children} made 10,000 Longs and a
     * set of them every 20 ms, on a two-core machine where the benchmark's own CPU competes with the
     * daemon it times).
     */
    private static boolean eachChild(long pid, LongPredicate visitor) {
        List<Path> tasks;
        try (var s = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks = s.toList();
        } catch (IOException e) {
            return true;
        }
        for (Path task : tasks) {
            byte[] text;
            try {
                text = Files.readAllBytes(task.resolve("children"));
            } catch (NoSuchFileException e) {
                continue; // the thread ended between the listing and the read
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long value = -1;
            for (int i = 0; i <= text.length; i++) {
                byte b = i < text.length ? text[i] : (byte) ' ';
                if (b >= '0' && b <= '9') {
                    value = (value < 0 ? 0 : value * 10) + (b - '0');
                } else if (value >= 0) {
                    if (!visitor.test(value)) {
                        return false;
                    }
                    value = -1;
                }
            }
        }
        return true;
    }

    /**
     * The time since boot in clock ticks, the unit of a process's start time ({@link Stat#startTime}):
     * {@code /proc/uptime} counts {@code CLOCK_BOOTTIME}, as start times do, to the hundredth.
     */
    static long uptimeTicks() {
        try {
            String first = Files.readString(Path.of("/proc/uptime")).strip().split(" ")[0];
            return new BigDecimal(first).multiply(BigDecimal.valueOf(CLOCK_TICKS)).longValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the process exists and is neither a zombie nor dead. */
    static boolean alive(long pid) {
        return stat(pid).map(Stat::alive).orElse(false);
    }

    /** User plus system CPU of the process in seconds, or NaN when it is gone. */
    static double cpuSeconds(long pid) {
        return stat(pid).map(s -> s.cpuTicks() / (double) CLOCK_TICKS).orElse(Double.NaN);
    }

    /** Resident memory in MiB ({@code VmRSS}), or NaN when it is gone. */
    static double rssMib(long pid) {
        return statusField(pid, "VmRSS:") / 1024.0;
    }

    static long threads(long pid) {
        return (long) statusField(pid, "Threads:");
    }

    private static double statusField(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone: NaN below
        }
        return Double.NaN;
    }

    /** Open file descriptors of the process, or -1 when unreadable. */
    static long openFiles(long pid) {
        try (var s = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return s.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The soft "Max open files" limit of the process, or -1. */
    static long softOpenFilesLimit(long pid) {
        return openFilesLimit(pid, 0);
    }

    /** The hard "Max open files" limit of the process, or -1. */
    static long hardOpenFilesLimit(long pid) {
        return openFilesLimit(pid, 1);
    }

    private static long openFilesLimit(long pid, int column) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/limits"))) {
                if (line.startsWith("Max open files")) {
                    String v = line.substring("Max open files".length()).strip().split("\\s+")[column];
                    return v.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(v);
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: -1 below
        }
        return -1;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static double memTotalGib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.substring(9).strip().split("\\s+")[0]) / 1024.0 / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return Double.NaN;
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            return p.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
