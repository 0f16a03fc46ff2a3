package io.circus.runtime.takeover;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a state file says about the daemon that wrote it: its identity and the processes it still
 * had when it last wrote. Reading is forgiving: a line that does not parse (the torn last write of a
 * daemon killed mid-write, or a file damaged by a power cut, after which nothing survives anyway) is
 * skipped and counted, never fatal.
 *
 * @param file        the state file
 * @param bootId      the boot the daemon ran in; start times compare only within one boot
 * @param daemonPid   the daemon's pid
 * @param daemonStart the daemon's start time ({@code /proc/<pid>/stat} field 22)
 * @param processes   the processes spawned and not reaped, in spawn order
 * @param skipped     lines that could not be read
 */
public record PreviousLife(Path file, String bootId, long daemonPid, long daemonStart, List<ProcessRecord> processes,
                           int skipped) {

    static final String MAGIC = "circus-state 1";

    public PreviousLife {
        processes = List.copyOf(processes);
    }

    /** The header line a daemon writes first. */
    static String header(String bootId, long pid, long startTicks) {
        return MAGIC + " boot=" + bootId + " daemon=" + pid + " start=" + startTicks + "\n";
    }

    /**
     * Reads a state file.
     *
     * @return null when there is no file (a first start, or the last daemon exited cleanly)
     * @throws IOException when the file exists but cannot be read (permissions): the caller must not
     *                     guess, since starting a second set beside survivors is what this prevents
     */
    public static PreviousLife read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (java.nio.charset.MalformedInputException e) {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        }
        String[] lines = text.split("\n", -1);
        String boot = "";
        long daemonPid = 0;
        long daemonStart = -1;
        int skipped = 0;
        Map<Long, ProcessRecord> live = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean last = i == lines.length - 1;
            if (line.isEmpty()) {
                continue;
            }
            if (last) {
                skipped++; // No newline after it: the write was cut short.
                continue;
            }
            try {
                if (line.startsWith(MAGIC)) {
                    for (String kv : line.substring(MAGIC.length()).strip().split(" ")) {
                        int eq = kv.indexOf('=');
                        String key = kv.substring(0, eq);
                        String value = kv.substring(eq + 1);
                        switch (key) {
                            case "boot" -> boot = value;
                            case "daemon" -> daemonPid = Long.parseLong(value);
                            case "start" -> daemonStart = Long.parseLong(value);
                            default -> { } // A later version's addition.
                        }
                    }
                    continue;
                }
                apply(live, line);
            } catch (RuntimeException e) {
                skipped++;
            }
        }
        return new PreviousLife(file, boot, daemonPid, daemonStart, List.copyOf(live.values()), skipped);
    }

    private static void apply(Map<Long, ProcessRecord> live, String line) {
        switch (line.charAt(0)) {
            case ProcessRecord.SPAWNED, ProcessRecord.RELEASED -> {
                ProcessRecord r = ProcessRecord.parse(line);
                live.put(r.pid(), r);
            }
            case ProcessRecord.REAPED -> {
                String[] f = line.split(" ");
                long pid = Long.parseLong(f[1]);
                ProcessRecord r = live.get(pid);
                if (r != null && r.sameStart(f[2])) {
                    live.remove(pid);
                }
            }
            case ProcessRecord.RELEASE_WATCHER -> {
                String watcher = line.substring(2);
                live.replaceAll((pid, r) -> r.watcher().equals(watcher) ? r.release() : r);
            }
            default -> throw new IllegalArgumentException("unknown record: " + line);
        }
    }
}
