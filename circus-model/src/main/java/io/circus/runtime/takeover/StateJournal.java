package io.circus.runtime.takeover;

import io.circus.config.WatcherConfig;
import io.circus.event.Event;
import io.circus.event.EventListener;
import io.circus.process.KernelStart;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state file writer: an event listener that appends one line per spawned or reaped process to
 * the state file, so that the next daemon can find what this one leaves behind if it is killed.
 *
 * <p>Cost per event on the supervisor loop is one queue insertion. A single writer thread drains the
 * queue, takes each new process's start time from the launcher ({@link KernelStarts}; from
 * {@code /proc} only when the launcher could not measure it), and appends the whole batch with one
 * {@code write}; under load, batches grow and writes do not. The file is rewritten (to a temporary
 * file, renamed over it) only when dead lines outnumber live ones, so appends stay amortised O(1).
 *
 * <p>No fsync: a SIGKILLed daemon loses nothing the kernel already has, and after a power cut or a
 * kernel crash no child survives, so there is nothing to take over (the boot id tells such a file
 * apart). The file is created with mode 0600.
 *
 * <p>Unlike the JMX dispatcher, the journal does not keep a run of events until the loop idles
 * ({@link EventListener#handOff}): a spawn must reach the file within about a millisecond, since a
 * daemon killed before its child is recorded leaves that child to nobody.
 *
 * <p>Threading: {@link #onEvent} is called on the supervisor loop and only queues; everything else
 * runs on the thread {@code circus-state-journal}.
 */
public final class StateJournal implements EventListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StateJournal.class);
    private static final int COMPACT_SLACK = 1024;
    private static final int MAX_BATCH = 4096;
    /** How far the kernel's start time may be from the one the launcher noted (btime is whole seconds). */
    private static final long START_TOLERANCE_MILLIS = 5_000;
    private static final Object STOP = new Object();

    private final Path file;
    private final Function<String, WatcherConfig> watchers;
    private final KernelStarts starts;
    private final String header;
    /** The daemon's process group: a child that leads none is in it. */
    private final long daemonPgid;
    private final long bootEpochMillis;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Map<Long, ProcessRecord> live = new HashMap<>();
    private final Thread writer;
    private FileChannel channel;
    private long linesSinceCompaction;
    private boolean failing;

    private record Spawned(String watcher, int wid, long pid, long epochMillis) { }

    private record Reaped(String watcher, int wid, long pid) { }

    private record Released(String watcher) { }

    private StateJournal(Path file, Function<String, WatcherConfig> watchers, KernelStarts starts,
                         List<ProcessRecord> carried) throws IOException {
        this.file = file;
        carried.forEach(r -> live.put(r.pid(), r));
        this.watchers = watchers;
        this.starts = starts;
        long self = ProcessHandle.current().pid();
        ProcStat me = ProcStat.read(self);
        this.daemonPgid = me == null ? -1 : me.pgid();
        this.header = PreviousLife.header(ProcStat.bootId(), self, me == null ? -1 : me.startTicks());
        this.bootEpochMillis = bootEpochMillis();
        rewrite();
        this.writer = Thread.ofPlatform().name("circus-state-journal").daemon(true).start(this::run);
    }

    /**
     * Starts a fresh state file (replacing any previous one, which must have been taken over first)
     * and its writer thread.
     *
     * @param watchers the current configuration of a watcher by name, or null when it has none
     * @param starts   the start of a process as the launcher measured it
     * @param carried  processes of a previous daemon that survived the takeover: still recorded, so that
     *                 the next start tries again
     * @throws IOException when the file or its directory cannot be created
     */
    public static StateJournal open(Path file, Function<String, WatcherConfig> watchers, KernelStarts starts,
                                    List<ProcessRecord> carried) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return new StateJournal(file, watchers, starts, carried);
    }

    public Path file() {
        return file;
    }

    @Override
    public void onEvent(Event e) {
        switch (e.type()) {
            case SPAWN -> queue.add(new Spawned(e.watcher(), e.wid(), e.pid(), spawnMillis(e)));
            case REAP -> queue.add(new Reaped(e.watcher(), e.wid(), e.pid()));
            case REMOVE -> queue.add(new Released(e.watcher()));
            default -> { }
        }
    }

    private static long spawnMillis(Event e) {
        return e.fields().get("time") instanceof Number n ? (long) (n.doubleValue() * 1000) : e.epochMillis();
    }

    /**
     * Writes what is queued and stops the writer. The file is removed when no process it recorded is
     * still ours (a clean stop); otherwise it is kept, compacted, for the next daemon.
     */
    @Override
    public void close() {
        queue.add(STOP);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- writer thread --------------------------------------------------------------------------

    private void run() {
        List<Object> batch = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, MAX_BATCH);
            for (Object item : batch) {
                if (item == STOP) {
                    stopping = true;
                } else {
                    apply(item, out);
                }
            }
            batch.clear();
            append(out);
            out.setLength(0);
            if (linesSinceCompaction > COMPACT_SLACK + 2L * live.size()) {
                compact();
            }
        }
        finish();
    }

    private void apply(Object item, StringBuilder out) {
        switch (item) {
            case Spawned s -> spawned(s, out);
            case Reaped r -> {
                ProcessRecord known = live.get(r.pid());
                if (known != null && known.watcher().equals(r.watcher()) && known.wid() == r.wid()) {
                    live.remove(r.pid());
                    out.append(ProcessRecord.REAPED).append(' ').append(r.pid()).append(' ')
                            .append(known.start()).append('\n');
                    linesSinceCompaction++;
                }
            }
            case Released r -> {
                live.replaceAll((pid, p) -> p.watcher().equals(r.watcher()) ? p.release() : p);
                out.append(ProcessRecord.RELEASE_WATCHER).append(' ').append(r.watcher()).append('\n');
                linesSinceCompaction++;
            }
            default -> throw new IllegalStateException("unexpected " + item);
        }
    }

    private void spawned(Spawned s, StringBuilder out) {
        KernelStart start = starts.find(s.watcher(), s.pid()).filter(k -> k.pid() == s.pid())
                .orElseGet(() -> readStart(s));
        if (start == null) {
            return;
        }
        WatcherConfig config = watchers.apply(s.watcher());
        ProcessRecord r = new ProcessRecord(s.watcher(), s.wid(), s.pid(), start.earliestTicks(),
                Math.toIntExact(start.latestTicks() - start.earliestTicks()), start.leadsGroup() ? s.pid() : daemonPgid,
                config == null ? 15 : config.stopSignal().number(),
                config == null ? Duration.ofSeconds(30) : config.gracefulTimeout(),
                config != null && config.stopChildren(), false);
        live.put(s.pid(), r);
        out.append(r.line());
        linesSinceCompaction++;
    }

    /**
     * The start as {@code /proc} shows it, for a launcher that could not measure it; null when the
     * process is already gone or its pid already another process's.
     */
    private KernelStart readStart(Spawned s) {
        ProcStat stat = ProcStat.read(s.pid());
        if (stat == null || stat.zombie()) {
            return null; // Already gone: its reap is queued behind.
        }
        long kernelStart = bootEpochMillis + stat.startTicks() * 10;
        if (bootEpochMillis > 0 && Math.abs(kernelStart - s.epochMillis()) > START_TOLERANCE_MILLIS) {
            // The child was reaped and its pid reused before we looked: never record a stranger.
            LOG.debug("pid {} of {} is already another process; not recorded", s.pid(), s.watcher());
            return null;
        }
        return new KernelStart(s.pid(), stat.startTicks(), stat.startTicks(), stat.pgid() == s.pid());
    }

    private void append(StringBuilder out) {
        if (out.isEmpty()) {
            return;
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            failing = false;
        } catch (IOException e) {
            if (!failing) {
                LOG.error("cannot write the state file {}: {}; a crash now would leave processes the next "
                        + "daemon does not know about", file, e.getMessage());
            }
            failing = true;
        }
    }

    private void compact() {
        try {
            rewrite();
        } catch (IOException e) {
            LOG.error("cannot compact the state file {}: {}", file, e.getMessage());
        }
    }

    /** Replaces the file by the header and the live records (temporary file, then rename). */
    private void rewrite() throws IOException {
        StringBuilder text = new StringBuilder(header);
        live.values().forEach(r -> text.append(r.line()));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (channel != null) {
            channel.close();
        }
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        linesSinceCompaction = 0;
    }

    private void finish() {
        try {
            long ours = live.values().stream().filter(r -> !r.released()).count();
            if (ours == 0) {
                channel.close();
                Files.deleteIfExists(file);
            } else {
                rewrite();
                channel.close();
                LOG.warn("{} process(es) still recorded in {}; the next daemon on this configuration stops them",
                        ours, file);
            }
        } catch (IOException e) {
            LOG.error("cannot finish the state file {}: {}", file, e.getMessage());
        }
    }

    /** {@code btime} of /proc/stat, in milliseconds, or 0 when unknown (the start check is then skipped). */
    private static long bootEpochMillis() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (line.startsWith("btime ")) {
                    return Long.parseLong(line.substring(6).strip()) * 1000;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Unknown: fall through.
        }
        return 0;
    }
}
