package io.circus.runtime.takeover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.WatcherConfig;
import io.circus.process.Signal;
import io.circus.runtime.takeover.TakenOver.Outcome;
import io.circus.testing.Await;
import io.circus.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The takeover procedure against real processes standing in for a crashed daemon's survivors. */
class TakeoverTest {

    private final List<ProcessHandle> started = new ArrayList<>();
    private final Function<String, WatcherConfig> none = name -> null;
    /** Start times of the processes this test started, so cleanup never touches a recycled pid. */
    private final Map<Long, Long> recordedTicks = new HashMap<>();

    @BeforeEach
    void needSetsid() {
        boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "setsid")));
        Requirements.require(found && Files.isDirectory(Path.of("/proc/self")),
                "setsid and /proc (Linux, util-linux; bin/setup-test-deps installs util-linux)");
    }

    @AfterEach
    void killEverything() {
        started.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : started) {
            Await.until(p.pid() + " gone", () -> !alive(p.pid(), ticksOrMinus(p)));
        }
    }

    private long ticksOrMinus(ProcessHandle p) {
        return recordedTicks.getOrDefault(p.pid(), -1L);
    }

    /** A process in a session of its own, as circusd's children are. */
    private ProcessHandle leader(String script) throws IOException {
        Process p = new ProcessBuilder("setsid", "sh", "-c", script).start();
        started.add(p.toHandle());
        Await.until("exec'd", () -> ProcStat.read(p.pid()) != null && ProcStat.read(p.pid()).pgid() == p.pid());
        recordedTicks.put(p.pid(), ProcStat.read(p.pid()).startTicks());
        return p.toHandle();
    }

    private static ProcessRecord record(String watcher, ProcessHandle p, Duration graceful) {
        ProcStat s = ProcStat.read(p.pid());
        return new ProcessRecord(watcher, 1, p.pid(), s.startTicks(), s.pgid(), 15, graceful, false, false);
    }

    private static PreviousLife life(ProcessRecord... records) {
        return new PreviousLife(Path.of("test.state"), ProcStat.bootId(), 999_999_999, 1, List.of(records), 0);
    }

    private static boolean alive(long pid, long ticks) {
        ProcStat s = ProcStat.read(pid);
        return s != null && !s.zombie() && (ticks < 0 || s.startTicks() == ticks);
    }

    @Test
    void aProcessThatIgnoresItsStopSignalIsKilledAfterGracefulTimeout() throws Exception {
        ProcessHandle stubborn = leader("trap '' TERM; while :; do sleep 1; done");
        ProcessHandle polite = leader("exec sleep 600");
        long t0 = System.nanoTime();
        TakeoverReport report = Takeover.run(life(record("web", stubborn, Duration.ofMillis(400)),
                record("web", polite, Duration.ofSeconds(30))), none);
        assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(400).toNanos(), "graceful_timeout was honoured");
        assertEquals(List.of(Outcome.STOPPED, Outcome.KILLED),
                report.stopped().stream().sorted(Comparator.comparing(t -> t.outcome().ordinal()))
                        .map(TakenOver::outcome).toList());
        assertFalse(alive(stubborn.pid(), recordedTicks.get(stubborn.pid())));
        assertFalse(alive(polite.pid(), recordedTicks.get(polite.pid())));
    }

    @Test
    void theCurrentConfigurationGivesTheStopSignal() throws Exception {
        // Exits 3 only on SIGUSR1: the recorded TERM would kill it otherwise, and it would say so.
        ProcessHandle p = leader("trap 'exit 3' USR1; trap '' TERM; while :; do sleep 1; done");
        WatcherConfig web = WatcherConfig.builder("web", "x").stopSignal(Signal.USR1)
                .gracefulTimeout(Duration.ofSeconds(30)).build();
        TakeoverReport report = Takeover.run(life(record("web", p, Duration.ofMillis(100))),
                name -> name.equalsIgnoreCase("WEB") ? web : null);
        assertEquals(Outcome.STOPPED, report.stopped().getFirst().outcome(), report.toString());
        assertEquals(10, report.stopped().getFirst().signal());
    }

    @Test
    void descendantsLeftInTheGroupOfAnExitedLeaderAreKilled() throws Exception {
        Process shell = new ProcessBuilder("setsid", "sh", "-c", "sleep 600 & read x").start();
        started.add(shell.toHandle());
        Await.until("the background child exists", () -> shell.toHandle().children().findAny().isPresent());
        ProcessHandle grandchild = shell.toHandle().children().findFirst().orElseThrow();
        started.add(grandchild);
        ProcessRecord r = record("web", shell.toHandle(), Duration.ofSeconds(30));
        long gcTicks = ProcStat.read(grandchild.pid()).startTicks();
        shell.getOutputStream().close(); // read gets end of file: the leader exits, its child stays
        shell.waitFor();
        assertTrue(alive(grandchild.pid(), gcTicks));
        TakeoverReport report = Takeover.run(life(r), none);
        assertEquals(Outcome.GROUP_KILLED, report.stopped().getFirst().outcome());
        assertFalse(alive(grandchild.pid(), gcTicks));
    }

    @Test
    void onlyVerifiedProcessesAreTouched() throws Exception {
        ProcessHandle reused = leader("exec sleep 600");
        ProcessHandle released = leader("exec sleep 600");
        ProcessRecord wrongStart = new ProcessRecord("web", 1, reused.pid(), recordedTicks.get(reused.pid()) - 1,
                reused.pid(), 9, Duration.ZERO, true, false);
        ProcessRecord handedBack = record("web", released, Duration.ZERO).release();
        ProcessRecord gone = new ProcessRecord("web", 3, 999_999_998, 5, 999_999_998, 9, Duration.ZERO, true, false);
        TakeoverReport report = Takeover.run(life(wrongStart, handedBack, gone), none);
        assertEquals(List.of(), report.stopped());
        assertEquals(1, report.notOurs());
        assertEquals(1, report.released());
        assertEquals(1, report.alreadyGone());
        assertTrue(alive(reused.pid(), recordedTicks.get(reused.pid())));
        assertTrue(alive(released.pid(), recordedTicks.get(released.pid())));
    }

    /** A start the launcher measured around the spawn is a range: a process inside it is ours, one after it not. */
    @Test
    void aRecordedStartRangeIdentifiesAProcessByEitherEnd() throws Exception {
        ProcessHandle inside = leader("exec sleep 600");
        ProcessHandle after = leader("exec sleep 600");
        long insideTicks = recordedTicks.get(inside.pid());
        long afterTicks = recordedTicks.get(after.pid());
        ProcessRecord ours = new ProcessRecord("web", 1, inside.pid(), insideTicks - 1, 1, inside.pid(), 15,
                Duration.ofSeconds(30), false, false);
        ProcessRecord notOurs = new ProcessRecord("web", 2, after.pid(), afterTicks - 2, 1, after.pid(), 15,
                Duration.ofSeconds(30), false, false);
        TakeoverReport report = Takeover.run(life(ours, notOurs), none);
        assertEquals(List.of(inside.pid()), report.stopped().stream().map(t -> t.process().pid()).toList());
        assertEquals(1, report.notOurs());
        assertFalse(alive(inside.pid(), insideTicks));
        assertTrue(alive(after.pid(), afterTicks));
    }

    @Test
    void aFileFromAnotherBootIsIgnoredAndALiveWriterRefused() throws Exception {
        ProcessHandle p = leader("exec sleep 600");
        ProcessRecord r = record("web", p, Duration.ZERO);
        PreviousLife otherBoot = new PreviousLife(Path.of("x"), "another-boot", 999_999_999, 1, List.of(r), 0);
        assertEquals(List.of(), Takeover.run(otherBoot, none).stopped());
        assertTrue(alive(p.pid(), r.startTicks()));
        // The daemon that wrote the file is alive (here: the decoy itself stands in for it).
        PreviousLife running = new PreviousLife(Path.of("x"), ProcStat.bootId(), p.pid(), r.startTicks(), List.of(r), 0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Takeover.run(running, none));
        assertTrue(e.getMessage().contains("circusd pid " + p.pid() + " is still running"), e.getMessage());
        assertTrue(alive(p.pid(), r.startTicks()));
    }
}
