package io.circus.process.linux;

import static io.circus.process.linux.LauncherFixture.PATH_ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.process.ExitStatus;
import io.circus.process.ManagedProcess;
import io.circus.process.Signal;
import io.circus.process.SpawnRequest;
import io.circus.process.Stdio;
import io.circus.os.linux.Libc;
import io.circus.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** Pidfds in the shared table (this process's own pidfds: the test's and the orphan reaper's). */
    private static long sharedPidfds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals("anon_inode:[pidfd]");
                } catch (IOException e) {
                    return false; // closed meanwhile
                }
            }).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where unshare is refused the table works on the shared one: the pidfd is there, and closes. */
    @Test
    void withoutAPrivateTableThePidfdsStayInTheSharedOne() throws Exception {
        try (EventLoop loop = new EventLoop("pidfd-test-loop", () -> { }, reason -> { });
             PidfdTable shared = new PidfdTable("pidfd-test-shared", false, loop);
             PidfdTable own = new PidfdTable("pidfd-test-own", loop)) {
            assertTrue(own.isPrivate(), "unshare(CLONE_FILES) is allowed here");
            assertTrue(!shared.isPrivate());
            long before = sharedPidfds();
            assertTrue(own.reserve(1) && shared.reserve(1));
            int inOwn = own.watch(Libc.getpid(), loop, LinuxConstants.EPOLLIN, loop.newToken(), fd -> { }, events -> { });
            assertTrue(inOwn >= 0, "watch: " + inOwn);
            assertEquals(before, sharedPidfds(), "a pidfd of the private table is not in the shared one");
            int inShared = shared.watch(Libc.getpid(), loop, LinuxConstants.EPOLLIN, loop.newToken(), fd -> { }, events -> { });
            assertTrue(inShared >= 0, "watch: " + inShared);
            assertEquals(before + 1, sharedPidfds(), "the fallback keeps its pidfd in the shared table");
            shared.close(inShared);
            Await.until("the shared pidfd closed", () -> sharedPidfds() == before);
            own.close(inOwn);
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
            assertEquals(1, fixture.launcher.pidfdTables().tables().size(), "one table holds them: no second thread");

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
