package io.circus.process.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.process.CollectingSink;
import io.circus.process.ExitStatus;
import io.circus.process.Launchers;
import io.circus.process.ManagedProcess;
import io.circus.process.ProcessLauncher;
import io.circus.process.SpawnRequest;
import io.circus.process.Stdio;
import io.circus.process.StreamId;
import io.circus.testing.TestChildren;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code Launchers} loads the native backend when it can, and falls back with a reason when not. */
class LauncherSelectionTest {

    private final LauncherFixture fixture = new LauncherFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void nativeBackendIsTheDefaultWithNativeAccess() {
        try (ProcessLauncher best = Launchers.best()) {
            assertEquals("linux-ffm", best.name());
            assertTrue(best instanceof LinuxFfmLauncher);
        }
    }

    @Test
    void withoutNativeAccessTheJdkBackendIsChosenWithAReason() throws Exception {
        CollectingSink sink = new CollectingSink();
        ManagedProcess jvm = fixture.spawn(SpawnRequest.builder(TestChildren.javaMain(LauncherSelectionMain.class))
                .env(LauncherFixture.PATH_ONLY).stdout(Stdio.PIPE).stderr(Stdio.PIPE).sink(sink).build());
        ExitStatus status = jvm.onExit().toCompletableFuture().get(60, TimeUnit.SECONDS);
        String report = sink.stdout() + sink.text(StreamId.STDERR);
        assertEquals(ExitStatus.exited(0), status, report);
        assertTrue(sink.hasLine("best=jdk"), report);
        assertTrue(sink.stdout().contains("refused=native access is not enabled"), report);
    }
}
