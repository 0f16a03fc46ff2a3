package io.circus.runtime.takeover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
        assertEquals(Optional.of(dir.resolve("etc/run/x.state")), StateFileLocator.locate(ini, "run/x.state", false));
        assertEquals(Optional.of(Path.of("/var/lib/x.state")), StateFileLocator.locate(ini, "/var/lib/x.state", false));
        assertEquals(Optional.empty(), StateFileLocator.locate(ini, "None", false));
    }

    @Test
    void theDefaultIsPerConfigurationInRunForRootAndBesideTheConfigurationOtherwise() {
        Path ini = dir.resolve("circus.ini");
        Path a = StateFileLocator.locate(ini, null, false).orElseThrow();
        assertEquals(dir.resolve(".circus"), a.getParent());
        assertTrue(a.getFileName().toString().matches("circusd-circus-[0-9a-f]{12}\\.state"), a.toString());
        assertEquals(a, StateFileLocator.locate(dir.resolve("./circus.ini"), "", false).orElseThrow(),
                "the same file, however it is named, finds the same state");
        Path other = StateFileLocator.locate(dir.resolve("other/circus.ini"), null, true).orElseThrow();
        Path mine = StateFileLocator.locate(ini, null, true).orElseThrow();
        assertEquals(Path.of("/run/circus"), mine.getParent());
        assertNotEquals(mine, other, "two configurations of the same name do not share a state file");
    }
}
