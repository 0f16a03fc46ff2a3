package io.circus.process.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.process.CollectingSink;
import io.circus.process.ExitStatus;
import io.circus.process.GroupMode;
import io.circus.process.ManagedProcess;
import io.circus.process.Signal;
import io.circus.process.SpawnException;
import io.circus.process.SpawnRequest;
import io.circus.process.Stdio;
import io.circus.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Races and failures around a child's start and end in the native process layer. */
class ProcessLayerRaceTest {

    @TempDir
    Path dir;

    private final LauncherFixture fixture = new LauncherFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private static SpawnRequest.Builder sh(String script) {
        return SpawnRequest.builder(List.of("/bin/sh", "-c", script)).env(LauncherFixture.PATH_ONLY);
    }

    private static boolean running(long pid) {
        String stat = LauncherFixture.read("/proc/" + pid + "/stat");
        int close = stat.lastIndexOf(')');
        return close > 0 && stat.length() > close + 2 && stat.charAt(close + 2) != 'Z';
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static List<ProcessHandle> liveChildren() {
        return ProcessHandle.current().children().filter(p -> running(p.pid())).toList();
    }

    private long grandchild(Path file) {
        Await.until("the grandchild's pid", () -> LauncherFixture.read(file.toString()).strip().matches("\\d+"));
        return Long.parseLong(LauncherFixture.read(file.toString()).strip());
    }

    @Test
    void aChildWhoseSpawnFailsAfterPosixSpawnIsKilledAndReapedNotLeaked() throws Exception {
        assertTrue(liveChildren().isEmpty(), "precondition: no child yet");
        long fdsBefore = openDescriptors();
        FaultSeam.failNextFcntl(LinuxConstants.EBADF);
        SpawnException e = assertThrows(SpawnException.class, () -> fixture.spawn(sh("exec sleep 3600")
                .group(GroupMode.NEW_SESSION).stdout(Stdio.PIPE).sink(new CollectingSink()).build()));
        assertTrue(e.getMessage().contains("fcntl"), e.getMessage());
        // Before: posix_spawn had started the child, the pipes were closed and the child ran on, unwatched.
        assertEquals(List.of(), liveChildren(), "the spawned child was killed and reaped");
        assertEquals(fdsBefore, openDescriptors(), "no descriptor left open");
        // The launcher still works.
        ManagedProcess ok = fixture.spawn(sh("exit 4").build());
        assertEquals(ExitStatus.exited(4), ok.onExit().toCompletableFuture().get(15, TimeUnit.SECONDS));
    }

    @Test
    void killGroupOnExitKillsTheGroupBeforeTheLeaderIsReaped() throws Exception {
        Path pidFile = dir.resolve("grandchild");
        ManagedProcess leader = fixture.spawn(sh("sleep 3600 & echo $! > " + pidFile + "; exit 0")
                .group(GroupMode.NEW_SESSION).killGroupOnExit(true).build());
        long grandchild = grandchild(pidFile);
        assertEquals(ExitStatus.exited(0), leader.onExit().toCompletableFuture().get(15, TimeUnit.SECONDS));
        Await.until("the grandchild died with its group", () -> !running(grandchild));
    }

    @Test
    void aGroupIsNeverSignalledByAPidThatWasAlreadyReaped() throws Exception {
        Path pidFile = dir.resolve("grandchild");
        ManagedProcess leader = fixture.spawn(sh("sleep 3600 & echo $! > " + pidFile + "; exit 0")
                .group(GroupMode.NEW_SESSION).build());
        long grandchild = grandchild(pidFile);
        try {
            assertEquals(ExitStatus.exited(0), leader.onExit().toCompletableFuture().get(15, TimeUnit.SECONDS));
            // The leader's pid is free now and may already lead someone else's group: kill(-pid) is not sent.
            assertFalse(leader.signalGroup(Signal.TERM), "no group signal after the reap");
            assertTrue(running(grandchild), "nothing reached the old group");
        } finally {
            ProcessHandle.of(grandchild).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void anEpollWaitFailureFallsBackToPollKeepsChildrenWatchedAndIsReported() throws Exception {
        CollectingSink sink = new CollectingSink();
        ManagedProcess before = fixture.spawn(sh("echo ready; exec sleep 3600").group(GroupMode.NEW_SESSION)
                .stdout(Stdio.PIPE).sink(sink).build());
        Await.until("ready", () -> sink.hasLine("ready"));
        fixture.launcher.failNextWait(LinuxConstants.EBADF);
        String reason = fixture.launcher.failure().toCompletableFuture().get(15, TimeUnit.SECONDS);
        assertTrue(reason.contains("epoll_wait"), reason);
        assertTrue(fixture.launcher.degraded());

        // Exits are still reaped and output still read: before, the loop ended and abandoned them.
        assertTrue(before.signal(Signal.TERM));
        assertEquals(ExitStatus.killed(15, false), before.onExit().toCompletableFuture().get(15, TimeUnit.SECONDS));
        CollectingSink late = new CollectingSink();
        ManagedProcess after = fixture.spawn(sh("echo hello; exit 3").stdout(Stdio.PIPE).sink(late).build());
        assertEquals(ExitStatus.exited(3), after.onExit().toCompletableFuture().get(15, TimeUnit.SECONDS));
        assertTrue(late.hasLine("hello"), late.stdout());
    }
}
