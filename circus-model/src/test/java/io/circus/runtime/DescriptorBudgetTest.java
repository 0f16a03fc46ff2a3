package io.circus.runtime;

import static io.circus.runtime.ArbiterFixture.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.circus.config.CircusConfig;
import io.circus.config.StreamConfig;
import io.circus.config.WatcherConfig;
import io.circus.event.EventType;
import io.circus.process.jdk.JdkLauncher;
import io.circus.process.linux.LinuxFfmLauncher;
import io.circus.runtime.core.ArbiterCore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The open-files limit is checked before anything spawns: a configuration or a change it cannot
 * hold is refused with the numbers and the remedy, and nothing changes. The limit is reported small
 * by the launcher (150; 68 are kept for the daemon and for spawning), so each process costs 1 descriptor (its pidfd)
 * plus one per captured stream. The Linux launcher keeps the pidfds in descriptor tables of their own (as many as
 * they need), so there only the pipes count: a watcher as large as the limit fits.
 */
class DescriptorBudgetTest {

    @TempDir
    Path dir;

    /** The daemon's reserve (64) plus the write ends of two concurrent spawns (4). */
    private static final int BASE = 68;

    private final JdkLauncher real = new JdkLauncher();
    private final ScriptedLauncher launcher = new ScriptedLauncher(real).limit(150);

    @AfterEach
    void close() {
        real.close();
    }

    private static WatcherConfig sleepers(String name, int n) {
        return WatcherConfig.builder(name, "sleep").args("3600").numProcesses(n).build();
    }

    private static DescriptorLimitException refusal(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
        return assertInstanceOf(DescriptorLimitException.class, e.getCause());
    }

    private static void assertExplains(DescriptorLimitException e, String watcher, long needed) {
        assertEquals(watcher, e.watcher());
        assertEquals(needed, e.needed());
        assertEquals(150, e.allowed());
        assertTrue(e.getMessage().contains("watcher '" + watcher + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("needs " + needed + " open files"), e.getMessage());
        assertTrue(e.getMessage().contains("may open only 150"), e.getMessage());
        assertTrue(e.getMessage().contains("ulimit -n") && e.getMessage().contains("LimitNOFILE="), e.getMessage());
    }

    @Test
    void aConfigurationTheLimitCannotHoldIsRefusedAtLoadNamingTheWatcher() {
        Path out = dir.resolve("out.log");
        WatcherConfig streamed = WatcherConfig.builder("streamed", "sleep").args("3600").numProcesses(30)
                .stdoutStream(new StreamConfig("FileStream", Map.of("filename", out.toString())))
                .stderrStream(new StreamConfig("FileStream", Map.of("filename", out.toString()))).build();
        DescriptorLimitException e = assertThrows(DescriptorLimitException.class, () -> ArbiterCore
                .builder(CircusConfig.of(List.of(sleepers("small", 10), streamed))).launcher(launcher).build());
        // 68 + 10 * 1 + 30 * (1 + 2 pipes) + 2 stream files
        assertExplains(e, "streamed", BASE + 10 + 90 + 2);
        assertTrue(e.getMessage().contains("3 per process"), e.getMessage());
        assertEquals(0, launcher.calls(), "nothing was spawned");
    }

    @Test
    void runTimeChangesTheLimitCannotHoldAreRefusedAndChangeNothing() {
        try (ArbiterFixture f = new ArbiterFixture(launcher, sleepers("pool", 20)).started()) {
            List<Long> pids = f.awaitPids("pool", 20);
            Watcher pool = f.watcher("pool");

            assertExplains(refusal(pool.incr(70)), "pool", BASE + 90);
            assertExplains(refusal(pool.setNumProcesses(90)), "pool", BASE + 90);
            assertExplains(refusal(pool.set(Map.of("numprocesses", "90"))), "pool", BASE + 90);
            assertExplains(refusal(f.arbiter.addWatcher(sleepers("extra", 70), true)), "extra", BASE + 20 + 70);
            assertExplains(refusal(f.arbiter.reloadConfig(CircusConfig.of(List.of(sleepers("pool", 90))))),
                    "pool", BASE + 90);

            assertEquals(20, pool.config().numProcesses(), "nothing changed");
            assertEquals(pids, pool.pids(), "the processes that run keep running");
            assertTrue(f.arbiter.watcher("extra").isEmpty());
            assertEquals(0, f.events.count("pool", EventType.UPDATED));
            assertEquals(25, join(pool.incr(5)), "what fits is still allowed");
            f.awaitPids("pool", 25);
        }
    }

    @Test
    void aGracefulReloadTheLimitCannotHoldTwiceOverReplacesOneProcessAtATime() {
        try (ArbiterFixture f = new ArbiterFixture(launcher, sleepers("wide", 50)).started()) {
            List<Long> old = f.awaitPids("wide", 50);
            int before = f.events.sequence("wide").size();
            join(f.watcher("wide").reload(true, false)); // 68 + 100 would not fit under 150
            List<EventType> reload = f.events.sequence("wide").subList(before, f.events.sequence("wide").size());
            assertEquals(List.of(EventType.SPAWN, EventType.KILL, EventType.REAP), reload.subList(0, 3),
                    "one new process, then one old one stops: " + reload);
            assertEquals(50, f.watcher("wide").pids().size());
            assertTrue(f.watcher("wide").pids().stream().noneMatch(old::contains));
        }
    }

    /** Issue 15's N = 20,000 under a limit of 20000: the pidfds are not the daemon's descriptors. */
    @Test
    void withPrivatePidfdTablesOnlyThePipesCountAgainstTheLimit() {
        try (LinuxFfmLauncher ffm = LinuxFfmLauncher.create()) {
            ScriptedLauncher limited = new ScriptedLauncher(ffm).limit(20000);
            ArbiterCore.builder(CircusConfig.of(List.of(sleepers("bench", 20000)))).launcher(limited).build().close();
            assertEquals(0, limited.calls(), "nothing was spawned");

            Path out = dir.resolve("out.log");
            WatcherConfig streamed = WatcherConfig.builder("streamed", "sleep").args("3600").numProcesses(19990)
                    .stdoutStream(new StreamConfig("FileStream", Map.of("filename", out.toString()))).build();
            DescriptorLimitException e = assertThrows(DescriptorLimitException.class, () -> ArbiterCore
                    .builder(CircusConfig.of(List.of(streamed))).launcher(limited).build());
            assertEquals(BASE + 19990 + 1, e.needed(), "a pipe per process and the stream's file");
            assertTrue(e.getMessage().contains("1 per process: a pipe per captured stream, the pidfds being in tables"
                    + " of their own"), e.getMessage());
        }
    }

    /** Where the pidfds share the daemon's table (the fallback), each still counts. */
    @Test
    void inTheSharedTableFallbackThePidfdsCount() {
        System.setProperty("circus.pidfds.private", "false");
        LinuxFfmLauncher created;
        try {
            created = LinuxFfmLauncher.create();
        } finally {
            System.clearProperty("circus.pidfds.private");
        }
        try (LinuxFfmLauncher ffm = created) {
            ScriptedLauncher limited = new ScriptedLauncher(ffm).limit(20000);
            DescriptorLimitException e = assertThrows(DescriptorLimitException.class, () -> ArbiterCore
                    .builder(CircusConfig.of(List.of(sleepers("bench", 20000)))).launcher(limited).build());
            assertEquals(BASE + 20000, e.needed());
            assertTrue(e.getMessage().contains("1 per process: a pidfd and a pipe per captured stream"), e.getMessage());
            assertFalse(e.getMessage().contains("tables of their own"), e.getMessage());
        }
    }
}
