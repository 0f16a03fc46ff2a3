package io.circus.runtime.takeover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a configuration's state file lives. */
class StateFileLocatorTest {

    @TempDir
    Path dir;

    @Test
    void anExplicitStatefileIsRelativeToTheConfigurationAndNoneTurnsTakeoverOff() {
        Path ini = dir.resolve("etc/circus.ini");
        assertEquals(Optional.of(dir.resolve("etc/run/x.state")), StateFileLocator.locate(ini, "run/x.state", Map.of(), false));
        assertEquals(Optional.of(Path.of("/var/lib/x.state")), StateFileLocator.locate(ini, "/var/lib/x.state", Map.of(), false));
        assertEquals(Optional.empty(), StateFileLocator.locate(ini, "None", Map.of(), false));
    }

    @Test
    void theDefaultIsPerConfigurationInTheRuntimeDirectory() {
        Path ini = dir.resolve("circus.ini");
        Path a = StateFileLocator.locate(ini, null, Map.of("XDG_RUNTIME_DIR", dir.toString()), false).orElseThrow();
        assertEquals(dir.resolve("circus"), a.getParent());
        assertTrue(a.getFileName().toString().matches("circusd-circus-[0-9a-f]{12}\\.state"), a.toString());
        assertEquals(a, StateFileLocator.locate(dir.resolve("./circus.ini"), "", Map.of("XDG_RUNTIME_DIR", dir.toString()),
                false).orElseThrow(), "the same file, however it is named, finds the same state");
        Path other = StateFileLocator.locate(dir.resolve("other/circus.ini"), null, Map.of("XDG_RUNTIME_DIR", dir.toString()),
                false).orElseThrow();
        assertNotEquals(a, other, "two configurations of the same name do not share a state file");
        assertEquals(Path.of("/run/circus"), StateFileLocator.locate(ini, null, Map.of(), true).orElseThrow().getParent());
        assertEquals(dir.resolve(".circus"), StateFileLocator.locate(ini, null, Map.of("XDG_RUNTIME_DIR", "relative"), false)
                .orElseThrow().getParent());
    }
}
