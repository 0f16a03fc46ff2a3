package io.circus.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.runtime.ManualTicker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSamplerTest {

    @TempDir
    Path dir;

    private final ManualTicker ticker = new ManualTicker();

    private ProcessSampler sampler() {
        return new ProcessSampler(dir, ticker, Duration.ofMillis(500));
    }

    @Test
    void theFirstSampleReportsTheLifetimeAverageAndLaterOnesTheGrowthSinceThePrevious() {
        // Started 50 s after boot, uptime 100 s: 1.5 s of CPU over 50 s is 3 %.
        FakeProc proc = new FakeProc(dir).process(42, 1, "worker", 100, 50, 5000, 2048, "/usr/bin/python3", "app.py");
        ProcessSampler sampler = sampler();
        assertEquals(3.0, sampler.sample(42).orElseThrow().cpuPercent(), 1e-9);

        proc.process(42, 1, "worker", 150, 50, 5000, 2048, "/usr/bin/python3", "app.py");
        ticker.advance(Duration.ofSeconds(1));
        assertEquals(50.0, sampler.sample(42).orElseThrow().cpuPercent(), 1e-9, "0.5 s of CPU in 1 s");
    }

    @Test
    void aSampleIsReusedWithinMaxAgeAndRereadAfterwards() {
        FakeProc proc = new FakeProc(dir).process(7, 1, "w", 0, 0, 5000, 1000, "w");
        ProcessSampler sampler = sampler();
        assertEquals(1000 * 1024, sampler.sample(7).orElseThrow().rssBytes());

        proc.process(7, 1, "w", 0, 0, 5000, 3000, "w");
        ticker.advance(Duration.ofMillis(499));
        assertEquals(1000 * 1024, sampler.sample(7).orElseThrow().rssBytes(), "cached within 500 ms");
        ticker.advance(Duration.ofMillis(1));
        assertEquals(3000 * 1024, sampler.sample(7).orElseThrow().rssBytes(), "re-read after 500 ms");
    }

    @Test
    void aReusedPidStartsAfreshInsteadOfComparingWithAnotherProcess() {
        FakeProc proc = new FakeProc(dir).process(9, 1, "old", 5000, 0, 1000, 12, "old");
        ProcessSampler sampler = sampler();
        sampler.sample(9);
        // A new process with the same pid, started at 90 s with 1 s of CPU: 10 % over its 10 s.
        proc.process(9, 1, "new", 100, 0, 9000, 10, "new");
        ticker.advance(Duration.ofSeconds(1));
        ProcessInfo info = sampler.sample(9).orElseThrow();
        assertEquals("new", info.name());
        assertEquals(10.0, info.cpuPercent(), 1e-9);
    }

    @Test
    void reportsWhatCircusStatsCarries() {
        new FakeProc(dir).process(42, 1, "python3", 6123, 0, 5000, 250_000, "/usr/bin/python3 -u", "app.py");
        ProcessInfo info = sampler().sample(42).orElseThrow();
        assertEquals("python3", info.name(), "base name of argv[0]'s first word");
        assertEquals(List.of("/usr/bin/python3 -u", "app.py"), info.argv());
        assertEquals(25.0, info.memPercent(), 1e-9, "250 000 kB of 1 000 000 kB");
        assertEquals(8000 * 1024, info.vmsBytes());
        assertEquals(61_230, info.cpuTimeMillis());
        assertEquals("1:01.23", CircusFormat.ctime(info.cpuTimeMillis()));
        assertEquals(5, info.nice());
        assertEquals('S', info.state());
        assertEquals((1_700_000_000L + 50) * 1000, info.createEpochMillis());
        assertFalse(info.username().isBlank());
    }

    @Test
    void aVanishedProcessIsEmptyAndLeftOutOfTotals() {
        FakeProc proc = new FakeProc(dir).process(1, 0, "a", 0, 0, 5000, 100).process(2, 0, "b", 0, 0, 5000, 300);
        ProcessSampler sampler = sampler();
        proc.gone(2);
        assertTrue(sampler.sample(2).isEmpty());
        Usage usage = sampler.total(List.of(1L, 2L, 3L));
        assertEquals(1, usage.processes());
        assertEquals(100 * 1024, usage.rssBytes());
    }

    @Test
    void childrenAreReadFromTheTaskChildrenFiles() {
        new FakeProc(dir).process(10, 1, "parent", 0, 0, 5000, 1, "parent")
                .process(11, 10, "kid", 0, 0, 5000, 1, "kid").process(12, 10, "kid2", 0, 0, 5000, 1)
                .children(10, 11, 12, 13);
        List<ProcessInfo> children = sampler().children(10);
        assertEquals(List.of(11L, 12L), children.stream().map(ProcessInfo::pid).toList(), "13 does not exist");
        assertEquals("kid2", children.get(1).name(), "comm when argv is empty");
    }

    @Test
    void commandNamesWithSpacesAndParenthesesAreParsed() {
        ProcFiles.Stat stat = ProcFiles.parseStat(
                "123 (my (odd) name) R 1 1 1 0 -1 0 0 0 0 0 17 4 0 0 20 -3 1 0 777 0 0 0\n");
        assertEquals("my (odd) name", stat.comm());
        assertEquals(21, stat.cpuTicks());
        assertEquals(-3, stat.nice());
        assertEquals(777, stat.startTicks());
    }

    @Test
    void samplesThisJvmFromTheRealProc() {
        io.circus.testing.Requirements.require(Files.isDirectory(Path.of("/proc/self")), "a Linux /proc");
        ProcessSampler sampler = new ProcessSampler();
        ProcessInfo self = sampler.sample(ProcessHandle.current().pid()).orElseThrow();
        assertTrue(self.rssBytes() > 1024 * 1024, "a JVM has more than 1 MB resident");
        assertTrue(self.cpuTimeMillis() > 0);
        assertTrue(self.name().startsWith("java"), self.name());
        assertTrue(Math.abs(self.createEpochMillis() - ProcessHandle.current().info().startInstant().orElseThrow()
                .toEpochMilli()) < 2000, "create time agrees with the JDK's");
    }

    @Test
    void aRealChildIsReadThroughAKeptFileUntilItIsReaped() throws Exception {
        io.circus.testing.Requirements.require(Files.isDirectory(Path.of("/proc/self")), "a Linux /proc");
        ProcessSampler sampler = new ProcessSampler(Path.of("/proc"), io.circus.time.Ticker.SYSTEM, Duration.ZERO);
        Process child = new ProcessBuilder("sleep", "60").start();
        try {
            // The child's size moves while it execs sleep; once it has settled both files agree.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            ProcessInfo first;
            long statusRss;
            do {
                first = sampler.sample(child.pid()).orElseThrow();
                statusRss = 1024 * Long.parseLong(Files.readAllLines(Path.of("/proc", Long.toString(child.pid()), "status"))
                        .stream().filter(l -> l.startsWith("VmRSS:")).findFirst().orElseThrow()
                        .replaceAll("[^0-9]", ""));
            } while (statusRss != first.rssBytes() && System.nanoTime() < deadline);
            assertEquals(statusRss, first.rssBytes(), "RSS from statm (pages) is status's VmRSS");
            assertEquals(2, sampler.openFiles(), "stat and statm are kept open");
            assertTrue(first.vmsBytes() > first.rssBytes());
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        assertTrue(sampler.sample(child.pid()).isEmpty(), "a reaped child reads as gone through its kept file");
        assertEquals(0, sampler.openFiles(), "and its file is closed");
    }
}
