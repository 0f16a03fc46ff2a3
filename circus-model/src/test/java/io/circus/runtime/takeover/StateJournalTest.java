package io.circus.runtime.takeover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.WatcherConfig;
import io.circus.event.Event;
import io.circus.event.EventType;
import io.circus.process.KernelStart;
import io.circus.process.Signal;
import io.circus.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file as the journal writes it and the next daemon reads it, with real processes. */
class StateJournalTest {

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();
    private final AtomicLong seq = new AtomicLong();
    private final WatcherConfig web = WatcherConfig.builder("web", "sleep 1").stopSignal(Signal.QUIT)
            .gracefulTimeout(Duration.ofMillis(1500)).stopChildren(true).build();

    @AfterEach
    void stopChildren() throws Exception {
        for (Process p : children) {
            p.destroyForcibly().waitFor();
        }
    }

    private Process child() throws Exception {
        Process p = new ProcessBuilder("sleep", "600").start();
        children.add(p);
        return p;
    }

    private Event event(EventType type, String watcher, int wid, Process p) {
        long started = p.toHandle().info().startInstant().orElseThrow().toEpochMilli();
        return new Event(seq.incrementAndGet(), type, watcher, wid, p.pid(), System.currentTimeMillis(),
                type == EventType.SPAWN ? Map.of("time", started / 1000.0) : Map.of());
    }

    private StateJournal open(Path file) throws Exception {
        return open(file, KernelStarts.NONE);
    }

    private StateJournal open(Path file, KernelStarts starts) throws Exception {
        return StateJournal.open(file, name -> name.equals("web") ? web : null, starts, List.of());
    }

    private static List<ProcessRecord> live(Path file) {
        try {
            PreviousLife life = PreviousLife.read(file);
            return life == null ? List.of() : life.processes();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    @Test
    void spawnsAndReapsAreRecordedWithStartTimeGroupAndTheWatchersStopSettings() throws Exception {
        Path file = dir.resolve("sub/dir/circusd.state");
        Process a = child();
        Process b = child();
        StateJournal journal = open(file);
        journal.onEvent(event(EventType.SPAWN, "web", 1, a));
        journal.onEvent(event(EventType.SPAWN, "gone", 2, b));
        journal.onEvent(event(EventType.REAP, "web", 1, a));
        Await.until("one live record", () -> live(file).size() == 1 && live(file).getFirst().pid() == b.pid());
        ProcessRecord r = live(file).getFirst();
        assertEquals(ProcStat.read(b.pid()).startTicks(), r.startTicks());
        assertEquals(ProcStat.read(b.pid()).pgid(), r.pgid());
        assertEquals(new ProcessRecord("gone", 2, b.pid(), r.startTicks(), r.pgid(), 15, Duration.ofSeconds(30), false,
                false), r, "a watcher no longer known gets Circus's defaults");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        PreviousLife life = PreviousLife.read(file);
        assertEquals(ProcessHandle.current().pid(), life.daemonPid());
        assertEquals(ProcStat.bootId(), life.bootId());
        journal.close();
        assertTrue(Files.exists(file), "a process still recorded keeps the file for the next daemon");
        assertEquals(1, live(file).size());

        StateJournal next = open(file);
        assertTrue(live(file).isEmpty(), "a new daemon starts a fresh file");
        journal = next;
        journal.onEvent(event(EventType.SPAWN, "web", 1, a));
        Await.until("recorded", () -> live(file).size() == 1);
        ProcessRecord w = live(file).getFirst();
        assertEquals(3, w.stopSignal());
        assertEquals(Duration.ofMillis(1500), w.graceful());
        assertTrue(w.stopChildren());
        journal.onEvent(event(EventType.REAP, "web", 1, a));
        journal.close();
        assertFalse(Files.exists(file), "nothing left: a clean stop removes the file");
    }

    @Test
    void aReapOfAnotherSlotDoesNotRemoveARecordAndRemoveReleasesTheWatcher() throws Exception {
        Path file = dir.resolve("circusd.state");
        Process a = child();
        Process b = child();
        try (StateJournal journal = open(file)) {
            journal.onEvent(event(EventType.SPAWN, "web", 1, a));
            journal.onEvent(event(EventType.REAP, "web", 2, a)); // not the slot that owns the pid
            journal.onEvent(event(EventType.REMOVE, "web", 0, a));
            journal.onEvent(event(EventType.SPAWN, "web", 2, b));
            Await.until("two records", () -> live(file).size() == 2);
            List<ProcessRecord> records = live(file);
            assertTrue(records.get(0).released(), "rm: the processes are not ours any more");
            assertFalse(records.get(1).released(), "a process spawned after the rm is ours");
        }
        assertTrue(Files.exists(file));
    }

    @Test
    void aPidThatIsAlreadyAnotherProcessIsNotRecorded() throws Exception {
        Path file = dir.resolve("circusd.state");
        Process a = child();
        Process marker = child();
        try (StateJournal journal = open(file)) {
            Event e = event(EventType.SPAWN, "web", 1, a);
            // The launcher noted a start a minute before the kernel's: the pid was reused meanwhile.
            journal.onEvent(new Event(e.seq(), e.type(), e.watcher(), e.wid(), e.pid(), e.epochMillis(),
                    Map.of("time", ((Double) e.fields().get("time")) - 60)));
            journal.onEvent(event(EventType.SPAWN, "web", 2, marker));
            Await.until("the marker recorded", () -> !live(file).isEmpty());
            assertEquals(List.of(marker.pid()), live(file).stream().map(ProcessRecord::pid).toList());
            journal.onEvent(event(EventType.REAP, "web", 2, marker));
        }
    }

    @Test
    void aStartTheLauncherMeasuredIsRecordedAsItIsWithoutReadingProc() throws Exception {
        Path file = dir.resolve("circusd.state");
        Process a = child();
        Process b = child();
        long ticks = ProcStat.read(a.pid()).startTicks();
        // b's start is deliberately not the kernel's: proof that the journal took the launcher's and
        // did not read /proc; a is in the daemon's group, b leads its own.
        KernelStarts starts = (watcher, pid) -> Optional.of(
                pid == a.pid() ? new KernelStart(pid, ticks - 1, ticks, false) : new KernelStart(pid, 12345, 12345, true));
        long daemonGroup = ProcStat.read(ProcessHandle.current().pid()).pgid();
        try (StateJournal journal = open(file, starts)) {
            journal.onEvent(event(EventType.SPAWN, "web", 1, a));
            journal.onEvent(event(EventType.SPAWN, "web", 2, b));
            Await.until("two records", () -> live(file).size() == 2);
            ProcessRecord ra = live(file).get(0);
            ProcessRecord rb = live(file).get(1);
            assertEquals(ticks - 1, ra.startTicks());
            assertEquals(1, ra.startSlack());
            assertTrue(ra.startedAt(ticks), "the range is kept, and holds the kernel's start");
            assertFalse(ra.startedAt(ticks + 1));
            assertEquals(daemonGroup, ra.pgid());
            assertFalse(ra.leadsGroup());
            assertEquals(12345, rb.startTicks());
            assertEquals(0, rb.startSlack());
            assertEquals(b.pid(), rb.pgid());
            assertTrue(rb.leadsGroup());
            journal.onEvent(event(EventType.REAP, "web", 1, a));
            journal.onEvent(event(EventType.REAP, "web", 2, b));
        }
        assertFalse(Files.exists(file));
    }

    @Test
    void aStartForAnotherPidIsIgnoredAndProcIsReadInstead() throws Exception {
        Path file = dir.resolve("circusd.state");
        Process a = child();
        KernelStarts stale = (watcher, pid) -> Optional.of(new KernelStart(pid + 1, 12345, 12345, true));
        try (StateJournal journal = open(file, stale)) {
            journal.onEvent(event(EventType.SPAWN, "web", 1, a));
            Await.until("recorded", () -> live(file).size() == 1);
            assertEquals(ProcStat.read(a.pid()).startTicks(), live(file).getFirst().startTicks());
            journal.onEvent(event(EventType.REAP, "web", 1, a));
        }
    }

    @Test
    void theFileStaysSmallOverManySpawnsAndReaps() throws Exception {
        Path file = dir.resolve("circusd.state");
        Process churn = child();
        Process keeper = child();
        Process marker = child();
        try (StateJournal journal = open(file)) {
            journal.onEvent(event(EventType.SPAWN, "web", 1, keeper));
            for (int i = 0; i < 20_000; i++) {
                journal.onEvent(event(EventType.SPAWN, "web", 2, churn));
                journal.onEvent(event(EventType.REAP, "web", 2, churn));
            }
            journal.onEvent(event(EventType.SPAWN, "web", 3, marker));
            Await.until("everything written", () -> live(file).stream().anyMatch(r -> r.pid() == marker.pid()));
            assertEquals(java.util.Set.of(keeper.pid(), marker.pid()),
                    live(file).stream().map(ProcessRecord::pid).collect(java.util.stream.Collectors.toSet()));
            long lines = Files.readAllLines(file).size();
            assertTrue(lines < 1100, "compacted as it grows, not 40,000 lines: " + lines);
            journal.onEvent(event(EventType.REAP, "web", 1, keeper));
            journal.onEvent(event(EventType.REAP, "web", 3, marker));
        }
        assertFalse(Files.exists(file));
    }

    @Test
    void aTornLastLineAndGarbageAreSkipped() throws Exception {
        Path file = dir.resolve("circusd.state");
        Files.writeString(file, PreviousLife.header("b00t", 42, 7)
                + "+ 100 5 100 1 15 2000 0 web server\n"
                + "+ 101 6 101 2 15 2000 0 web server\n"
                + "- 101 6\n"
                + "+ 102 9 102 3 15 2000 0 other\n"
                + "- 102 8\n" // another process's reap: 102 stays
                + "+ 104 11+1 104 5 15 2000 0 web\n"
                + "+ 105 11+1 105 6 15 2000 0 web\n"
                + "- 105 11+1\n"
                + "+ 106 11-1 106 7 15 2000 0 web\n"
                + "what is this\n"
                + "+ 103 9 103 4 15 20");
        PreviousLife life = PreviousLife.read(file);
        assertEquals("b00t", life.bootId());
        assertEquals(42, life.daemonPid());
        assertEquals(7, life.daemonStart());
        assertEquals(List.of(100L, 102L, 104L), life.processes().stream().map(ProcessRecord::pid).toList());
        assertEquals("web server", life.processes().getFirst().watcher());
        ProcessRecord ranged = life.processes().get(2);
        assertEquals(11, ranged.startTicks());
        assertEquals(1, ranged.startSlack());
        assertTrue(ranged.startedAt(12));
        assertEquals(3, life.skipped(), "garbage, a torn line and a start that is no range");
        assertEquals(null, PreviousLife.read(dir.resolve("missing")));
    }
}
