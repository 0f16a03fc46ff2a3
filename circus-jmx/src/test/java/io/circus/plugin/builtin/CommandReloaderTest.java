package io.circus.plugin.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.WatcherConfig;
import io.circus.plugin.PluginAction;
import io.circus.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CommandReloader against a real executable that is replaced while its watcher runs. */
class CommandReloaderTest {

    private static final Duration LONG = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aReplacedExecutableRestartsItsWatcherEvenWithArgumentsInCmd() throws Exception {
        Path program = Scripts.write(dir, "worker.sh", "#!/bin/sh\nexec sleep \"$1\"\n");
        // Circus stats the whole cmd string, so arguments there broke it.
        WatcherConfig w = WatcherConfig.builder("worker", program + " 3600").gracefulTimeout(Duration.ofSeconds(5)).build();
        WatcherConfig other = WatcherConfig.builder("other", "sleep 3600").gracefulTimeout(Duration.ofSeconds(5)).build();
        try (PluginHarness h = new PluginHarness(w, other)) {
            long before = h.bean("worker").getPids()[0];
            long otherPid = h.bean("other").getPids()[0];
            h.run(new CommandReloader(), Map.of("loop_rate", "0.2"));
            Await.until("three rounds", LONG, () -> h.checks.get() >= 6);
            assertTrue(h.acts.isEmpty(), "nothing changed yet: " + h.acts);
            assertTrue(h.failures.isEmpty(), h.failures.toString());

            Path next = Scripts.write(dir, "worker.next", "#!/bin/sh\n# version 2\nexec sleep \"$1\"\n");
            Files.move(next, program, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Await.until("a restart", LONG, () -> !h.acts(PluginAction.RESTART).isEmpty());
            assertEquals("worker", h.acts(PluginAction.RESTART).getFirst().watcher());
            Await.until("a new process", LONG, () -> {
                long[] pids = h.bean("worker").getPids();
                return pids.length == 1 && pids[0] != before;
            });
            assertEquals(otherPid, h.bean("other").getPids()[0]);
            assertEquals(1, h.acts(PluginAction.RESTART).size(), h.acts.toString());
        }
    }

    @Test
    void aMissingProgramIsReportedOnceAndOtherWatchersAreStillWatched() throws Exception {
        Path program = Scripts.write(dir, "worker.sh", "#!/bin/sh\nexec sleep \"$1\"\n");
        WatcherConfig w = WatcherConfig.builder("worker", program + " 3600").gracefulTimeout(Duration.ofSeconds(5)).build();
        try (PluginHarness h = new PluginHarness(w)) {
            h.run(new CommandReloader(), Map.of("loop_rate", "0.2"));
            // The second round starts after the first recorded the program.
            Await.until("a round", LONG, () -> h.checks.get() >= 2);
            Files.delete(program);
            Await.until("reported", LONG, () -> !h.failures.isEmpty());
            long checks = h.checks.get();
            Await.until("more rounds", LONG, () -> h.checks.get() >= checks + 3);
            assertEquals(1, h.failures.size(), h.failures.toString());
            assertTrue(h.failures.getFirst().contains("worker.sh"), h.failures.getFirst());
            Scripts.write(dir, "worker.sh", "#!/bin/sh\nexec sleep \"$1\"\n");
            Await.until("restarted on the new file", LONG, () -> !h.acts(PluginAction.RESTART).isEmpty());
        }
    }
}
