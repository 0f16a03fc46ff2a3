package io.circus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.process.Signal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped example must keep loading, without warnings, as the documentation describes it. */
class ExampleConfigTest {

    // Surefire runs in the module directory; the examples live at the project root.
    private static final Path EXAMPLE = Path.of("..", "config", "circus.ini");

    @Test
    void exampleLoadsWithoutWarnings() throws Exception {
        CircusConfig c = ConfigLoader.load(EXAMPLE, Map.of("PATH", "/usr/bin:/bin"));
        assertEquals(List.of(), c.warnings());
        assertEquals(List.of("clock", "sleepers", "ticker"), c.watchers().stream().map(WatcherConfig::name).toList());
        assertEquals(2, c.files().size());

        WatcherConfig sleepers = c.watcher("sleepers").orElseThrow();
        assertEquals(3, sleepers.numProcesses());
        assertEquals("$(circus.wid)", sleepers.args());
        assertTrue(sleepers.stopChildren());
        assertEquals(Duration.ofSeconds(5), sleepers.gracefulTimeout());
        assertEquals(Signal.TERM, sleepers.stopSignal());

        WatcherConfig ticker = c.watcher("ticker").orElseThrow();
        assertTrue(ticker.cmd().contains("while true; do echo"), ticker.cmd());
        assertEquals(new StreamConfig("FileStream", Map.of("filename", "run/ticker.log", "max_bytes", "1048576",
                "backup_count", "3")), ticker.stdoutStream());
        assertEquals(Map.of("LANG", "C.UTF-8", "PATH", "/usr/bin:/bin:/usr/local/bin", "GREETING", "the ticker"),
                ticker.env());

        WatcherConfig clock = c.watcher("clock").orElseThrow();
        assertFalse(clock.autostart());
        assertEquals("UTC", clock.env().get("TZ"));
        assertEquals("StdoutStream", clock.stdoutStream().className());
    }

    @Test
    void exampleLoadsWithTheRealEnvironment() throws Exception {
        assertEquals(3, ConfigLoader.load(EXAMPLE).watchers().size());
    }
}
