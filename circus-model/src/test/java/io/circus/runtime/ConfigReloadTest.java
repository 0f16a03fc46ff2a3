package io.circus.runtime;

import static io.circus.runtime.ArbiterFixture.join;
import static io.circus.testing.TestChildren.sleepers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.CircusConfig;
import io.circus.config.GlobalSettings;
import io.circus.config.WatcherConfig;
import io.circus.process.jdk.JdkLauncher;
import io.circus.testing.Pids;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** reloadconfig as a precise diff. */
class ConfigReloadTest {

    @Test
    void onlyWhatChangedIsTouched() {
        CircusConfig before = CircusConfig.of(List.of(sleepers("keep", 1).build(), sleepers("resize", 1).build(),
                sleepers("change", 1).build(), sleepers("gone", 1).build()));
        try (JdkLauncher launcher = new JdkLauncher();
             ArbiterFixture f = new ArbiterFixture(launcher, before).started()) {
            long keep = f.awaitPids("keep", 1).getFirst();
            long resize = f.awaitPids("resize", 1).getFirst();
            long change = f.awaitPids("change", 1).getFirst();
            long gone = f.awaitPids("gone", 1).getFirst();
            join(f.arbiter.addWatcher(sleepers("runtime", 1).build(), true));
            long runtime = f.awaitPids("runtime", 1).getFirst();

            CircusConfig after = CircusConfig.of(List.of(sleepers("keep", 1).build(), sleepers("resize", 3).build(),
                    sleepers("change", 1).args("3599").build(), sleepers("new", 2).build()));
            var diff = join(f.arbiter.reloadConfig(after));

            assertEquals(List.of("new"), diff.added());
            assertEquals(List.of("gone"), diff.removed());
            assertEquals(List.of("change"), diff.restarted());
            assertEquals(List.of("resize"), diff.updated());
            assertEquals(List.of("keep"), diff.unchanged());
            assertEquals(List.of(keep), f.watcher("keep").pids());
            assertTrue(f.awaitPids("resize", 3).contains(resize), "a resize keeps the running process");
            long changed = f.awaitPids("change", 1).getFirst();
            assertTrue(changed != change, "a changed command restarts that watcher");
            assertEquals(List.of("sleep", "3599"), f.watcher("change").processes().getFirst().commandLine());
            f.awaitPids("new", 2);
            assertTrue(f.arbiter.watcher("gone").isEmpty());
            Pids.awaitDead(gone);
            assertEquals(List.of(runtime), f.watcher("runtime").pids(), "watchers added at run time are kept");
        }
    }

    /** Circus diffs the file as last loaded against the new one: run-time changes survive. */
    @Test
    void runTimeChangesSurviveAReloadThatDoesNotTouchThem() {
        CircusConfig file = CircusConfig.of(List.of(sleepers("third", 1).build(), sleepers("other", 1).build()));
        try (JdkLauncher launcher = new JdkLauncher();
             ArbiterFixture f = new ArbiterFixture(launcher, file).started()) {
            f.awaitPids("third", 1);
            f.awaitPids("other", 1);
            join(f.watcher("third").incr(1));
            f.awaitPids("third", 2);
            join(f.watcher("other").set(java.util.Map.of("graceful_timeout", "7")));

            var diff = join(f.arbiter.reloadConfig(file));
            assertEquals(List.of("other", "third"), diff.unchanged().stream().sorted().toList());
            assertEquals(2, f.watcher("third").config().numProcesses(), "incr survives an unchanged file");
            assertEquals(Duration.ofSeconds(7), f.watcher("other").config().gracefulTimeout());

            // A change in the file applies that option only; the run-time ones stay.
            CircusConfig edited = CircusConfig.of(List.of(sleepers("third", 1).warmupDelay(Duration.ofMillis(1)).build(),
                    sleepers("other", 3).build()));
            diff = join(f.arbiter.reloadConfig(edited));
            assertEquals(List.of("other", "third"), diff.updated().stream().sorted().toList());
            assertEquals(2, f.watcher("third").config().numProcesses());
            assertEquals(Duration.ofMillis(1), f.watcher("third").config().warmupDelay());
            assertEquals(3, f.watcher("other").config().numProcesses());
            assertEquals(Duration.ofSeconds(7), f.watcher("other").config().gracefulTimeout());
            f.awaitPids("other", 3);
        }
    }

    /** [circus] values apply only at start: reported, not stored, reported again. */
    @Test
    void globalChangesAreReportedAndNotStored() {
        CircusConfig file = CircusConfig.of(List.of(sleepers("one", 1).build()));
        GlobalSettings changed = file.global().toBuilder().checkDelay(Duration.ofSeconds(2)).build();
        CircusConfig next = CircusConfig.builder().global(changed).env(file.env()).watchers(file.watchers()).build();
        try (JdkLauncher launcher = new JdkLauncher();
             ArbiterFixture f = new ArbiterFixture(launcher, file).started()) {
            f.awaitPids("one", 1);
            assertEquals(List.of("checkDelay"), join(f.arbiter.reloadConfig(next)).needsDaemonRestart());
            assertEquals(Duration.ofSeconds(5), f.arbiter.config().global().checkDelay(), "not in effect, not stored");
            assertEquals(List.of("checkDelay"), join(f.arbiter.reloadConfig(next)).needsDaemonRestart(),
                    "a second reload reports it again");
        }
    }
}
