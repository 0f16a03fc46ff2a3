package io.circus.process.linux;

import static io.circus.process.linux.LauncherFixture.PATH_ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.process.ExitStatus;
import io.circus.process.ManagedProcess;
import io.circus.process.Signal;
import io.circus.process.SpawnRequest;
import io.circus.process.Stdio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The children's pidfds stay out of the descriptor table that {@code posix_spawn} copies into every
 * new child, so a spawn costs the same with 10 or 10,000 children running.
 */
class PidfdTableTest {

    private static final int CHILDREN = 50;

    /** Descriptors of the process's shared table (/proc/self is the leader, which never unshares). */
    private static long sharedTable() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    void runningChildrenAddNoDescriptorToTheSharedTableAndAreStillWatched() throws Exception {
        try (LauncherFixture fixture = new LauncherFixture()) {
            SpawnRequest sleeper = SpawnRequest.builder(List.of("sleep", "120")).env(PATH_ONLY)
                    .stdout(Stdio.NULL).stderr(Stdio.NULL).build();
            long before = sharedTable();
            List<ManagedProcess> children = new ArrayList<>();
            for (int i = 0; i < CHILDREN; i++) {
                children.add(fixture.spawn(sleeper));
            }
            long added = sharedTable() - before;
            assertTrue(added < CHILDREN / 5, CHILDREN + " running children added " + added
                    + " descriptors to the table every spawn copies (a pidfd each would be " + CHILDREN + ")");

            // Watched all the same: each exit is seen, with its cause, and a reaped child takes no signal.
            for (ManagedProcess child : children) {
                assertTrue(child.signal(Signal.KILL), "signal to running pid " + child.pid());
            }
            for (ManagedProcess child : children) {
                ExitStatus status = child.onExit().toCompletableFuture().get(20, TimeUnit.SECONDS);
                assertEquals(Signal.KILL.number(), status.signal(), "pid " + child.pid());
                assertTrue(!child.signal(Signal.TERM), "a reaped pid " + child.pid() + " takes no signal");
            }
        }
    }
}
