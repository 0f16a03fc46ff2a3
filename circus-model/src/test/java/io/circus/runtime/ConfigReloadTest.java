package io.circus.runtime;

import static io.circus.runtime.ArbiterFixture.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.CircusConfig;
import io.circus.config.WatcherConfig;
import io.circus.process.jdk.JdkLauncher;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** reloadconfig as a precise diff. */
class ConfigReloadTest {

    static WatcherConfig.Builder sleeper(String name, int n) {
        return WatcherConfig.builder(name, "sleep").args("3600").numProcesses(n).gracefulTimeout(Duration.ofSeconds(5));
    }

    @Test
    void onlyWhatChangedIsTouched() {
        CircusConfig before = CircusConfig.of(List.of(sleeper("keep", 1).build(), sleeper("resize", 1).build(),
                sleeper("change", 1).build(), sleeper("gone", 1).build()));
        try (JdkLauncher launcher = new JdkLauncher();
             ArbiterFixture f = new ArbiterFixture(launcher, before).started()) {
            long keep = f.awaitPids("keep", 1).getFirst();
            long resize = f.awaitPids("resize", 1).getFirst();
            long change = f.awaitPids("change", 1).getFirst();
            long gone = f.awaitPids("gone", 1).getFirst();
            join(f.arbiter.addWatcher(sleeper("runtime", 1).build(), true));
            long runtime = f.awaitPids("runtime", 1).getFirst();

            CircusConfig after = CircusConfig.of(List.of(sleeper("keep", 1).build(), sleeper("resize", 3).build(),
                    sleeper("change", 1).args("3599").build(), sleeper("new", 2).build()));
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
            ArbiterFixture.awaitDead(gone);
            assertEquals(List.of(runtime), f.watcher("runtime").pids(), "watchers added at run time are kept");
        }
    }
}
