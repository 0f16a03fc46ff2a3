package io.circus.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.circus.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ProcessLauncher} backend must do. Subclasses supply the backend; tests that need
 * a capability the backend does not declare are skipped, never weakened.
 *
 * <p>Every test cleans up its children in {@link #killEverything()}, also when it fails: groups are
 * killed, then each process, and the exits are awaited.
 */
public abstract class ProcessLauncherContract {

    protected static final Map<String, String> PATH_ONLY = Map.of("PATH", "/usr/bin:/bin");

    protected ProcessLauncher launcher;
    private final List<ManagedProcess> spawned = new CopyOnWriteArrayList<>();
    private final Set<ManagedProcess> grouped = java.util.concurrent.ConcurrentHashMap.newKeySet();

    protected abstract ProcessLauncher newLauncher();

    @BeforeEach
    void openLauncher() {
        launcher = newLauncher();
    }

    @AfterEach
    void killEverything() {
        try {
            for (ManagedProcess p : spawned) {
                if (grouped.contains(p)) {
                    p.signalGroup(Signal.KILL);
                }
                p.signal(Signal.KILL);
            }
            for (ManagedProcess p : spawned) {
                try {
                    p.onExit().toCompletableFuture().get(15, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // reported by the test itself or by ChildProcessGuard
                }
            }
        } finally {
            launcher.close();
        }
    }

    /** Spawns and remembers the child for cleanup. */
    protected ManagedProcess spawn(SpawnRequest request) throws SpawnException {
        ManagedProcess p = launcher.spawn(request);
        spawned.add(p);
        if (request.group() != GroupMode.NONE) {
            grouped.add(p);
        }
        return p;
    }

    protected static SpawnRequest.Builder sh(String script) {
        return SpawnRequest.builder(List.of("/bin/sh", "-c", script)).env(PATH_ONLY);
    }

    protected static ExitStatus exitOf(ManagedProcess p) throws Exception {
        return p.onExit().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    protected static long openFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gone or a zombie: the process no longer runs. */
    protected static boolean notRunning(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void exitCodeIsReported() throws Exception {
        ManagedProcess p = spawn(sh("exit 7").build());
        assertEquals(ExitStatus.exited(7), exitOf(p));
        assertFalse(p.isAlive());
        assertFalse(p.signal(Signal.TERM), "no signal after the child was reaped");
    }

    @Test
    void outputIsCapturedCompletelyBeforeExitCompletes() throws Exception {
        CollectingSink sink = new CollectingSink();
        ManagedProcess p = spawn(sh("seq 1 60000; seq 1 3000 >&2; exit 3")
                .stdout(Stdio.PIPE).stderr(Stdio.PIPE).sink(sink).build());
        CompletableFuture<Boolean> closedFirst = p.onExit().toCompletableFuture()
                .thenApply(s -> sink.closed(StreamId.STDOUT) && sink.closed(StreamId.STDERR));
        assertEquals(ExitStatus.exited(3), exitOf(p));
        assertTrue(closedFirst.get(), "both streams closed before onExit completed");
        assertEquals(numbers(60000), sink.text(StreamId.STDOUT));
        assertEquals(numbers(3000), sink.text(StreamId.STDERR));
    }

    private static String numbers(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append(i).append('\n');
        }
        return sb.toString();
    }

    @Test
    void signalDeathIsReported() throws Exception {
        ManagedProcess p = spawn(SpawnRequest.builder(List.of("sleep", "60")).env(PATH_ONLY).build());
        assertTrue(p.isAlive());
        assertTrue(p.signal(Signal.TERM));
        ExitStatus status = exitOf(p);
        assertEquals(Signal.TERM.number(), status.signal(), status.toString());
        assertEquals(-15, status.circusExitCode());
    }

    @Test
    void anySignalReachesTheChild() throws Exception {
        assumeTrue(launcher.can(Capability.SIGNALS_ANY), "backend cannot send arbitrary signals");
        CollectingSink sink = new CollectingSink();
        ManagedProcess p = spawn(sh("trap 'echo got-usr1; exit 3' USR1; echo ready; while :; do sleep 1 & wait $!; done")
                .stdout(Stdio.PIPE).sink(sink).build());
        Await.until("trap installed", () -> sink.hasLine("ready"));
        assertTrue(p.signal(Signal.USR1));
        assertEquals(ExitStatus.exited(3), exitOf(p));
        assertTrue(sink.hasLine("got-usr1"), sink.stdout());
    }

    @Test
    void groupSignalKillsGrandchildren() throws Exception {
        assumeTrue(launcher.can(Capability.PROCESS_GROUP), "backend has no process groups");
        CollectingSink sink = new CollectingSink();
        ManagedProcess p = spawn(sh("sleep 300 & sleep 300 & echo started; wait")
                .group(GroupMode.NEW_SESSION).stdout(Stdio.PIPE).sink(sink).build());
        Await.until("grandchildren started", () -> sink.hasLine("started"));
        List<Long> grandchildren = Await.value("two grandchildren", () -> {
            List<Long> pids = ProcessHandle.of(p.pid()).stream().flatMap(ProcessHandle::descendants)
                    .map(ProcessHandle::pid).toList();
            return pids.size() == 2 ? pids : null;
        });
        assertTrue(p.signalGroup(Signal.TERM));
        assertEquals(Signal.TERM.number(), exitOf(p).signal());
        for (long pid : grandchildren) {
            Await.until("grandchild " + pid + " gone", () -> notRunning(pid));
        }
    }

    @Test
    void environmentIsExactlyTheRequestedOne() throws Exception {
        CollectingSink sink = new CollectingSink();
        ManagedProcess p = spawn(SpawnRequest.builder(List.of("/usr/bin/env"))
                .env(Map.of("A", "1", "B", "two words", "EMPTY", "")).stdout(Stdio.PIPE).sink(sink).build());
        assertEquals(ExitStatus.exited(0), exitOf(p));
        assertEquals(Set.of("A=1", "B=two words", "EMPTY="), new HashSet<>(sink.stdout().lines().toList()));
    }

    @Test
    void workingDirectoryIsSet(@TempDir Path dir) throws Exception {
        CollectingSink sink = new CollectingSink();
        Path real = dir.toRealPath();
        ManagedProcess p = spawn(SpawnRequest.builder(List.of("/bin/pwd")).env(PATH_ONLY).cwd(real)
                .stdout(Stdio.PIPE).sink(sink).build());
        assertEquals(ExitStatus.exited(0), exitOf(p));
        assertEquals(real + "\n", sink.stdout());
    }

    /**
     * Whether a program that cannot be executed is reported as a {@link SpawnException} also when the
     * child gets a new session or group. A backend that reaches sessions through an exec wrapper
     * ({@code setsid}) only sees the wrapper start, so the failure becomes an exit status instead.
     */
    protected boolean detectsExecFailureInNewSession() {
        return true;
    }

    @Test
    void missingProgramFailsCleanly() {
        missingProgramFails(GroupMode.NONE);
    }

    @Test
    void missingProgramFailsCleanlyInNewSession() {
        assumeTrue(detectsExecFailureInNewSession(), "backend reaches sessions through an exec wrapper");
        missingProgramFails(GroupMode.NEW_SESSION);
    }

    private void missingProgramFails(GroupMode group) {
        long fds = openFds();
        long children = ProcessHandle.current().children().count();
        SpawnException e = assertThrows(SpawnException.class, () -> spawn(SpawnRequest.builder(
                List.of("/nonexistent/program")).env(PATH_ONLY).group(group).stdout(Stdio.PIPE).stderr(Stdio.PIPE)
                .sink(OutputSink.DISCARD).build()));
        assertTrue(e.getMessage().contains("/nonexistent/program"), e.getMessage());
        assertThrows(SpawnException.class, () -> spawn(SpawnRequest.builder(List.of("no-such-program-4711"))
                .group(group).env(PATH_ONLY).build()));
        Await.until("no descriptor leaked", Duration.ofSeconds(5), () -> openFds() <= fds);
        assertEquals(children, ProcessHandle.current().children().count(), "no child (or zombie) left");
    }

    @Test
    void nonExecutableFileFailsCleanly(@TempDir Path dir) throws Exception {
        nonExecutableFails(dir, GroupMode.NONE);
    }

    @Test
    void nonExecutableFileFailsCleanlyInNewSession(@TempDir Path dir) throws Exception {
        assumeTrue(detectsExecFailureInNewSession(), "backend reaches sessions through an exec wrapper");
        nonExecutableFails(dir, GroupMode.NEW_SESSION);
    }

    private void nonExecutableFails(Path dir, GroupMode group) throws IOException {
        Path script = dir.resolve("script.sh");
        Files.writeString(script, "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));
        long fds = openFds();
        assertThrows(SpawnException.class, () -> spawn(SpawnRequest.builder(List.of(script.toString()))
                .env(PATH_ONLY).group(group).stdout(Stdio.PIPE).sink(OutputSink.DISCARD).build()));
        Await.until("no descriptor leaked", Duration.ofSeconds(5), () -> openFds() <= fds);
    }

    @Test
    void exitCompletesWhenADescendantKeepsThePipeOpen() throws Exception {
        CollectingSink sink = new CollectingSink();
        long start = System.nanoTime();
        ManagedProcess p = spawn(sh("sleep 120 & echo $!; echo hi").group(GroupMode.NEW_SESSION)
                .stdout(Stdio.PIPE).sink(sink).build());
        try {
            assertEquals(ExitStatus.exited(0), exitOf(p));
        } finally {
            // The leader is reaped: its group may no longer be signalled, so the grandchild goes by pid.
            String first = sink.stdout().lines().findFirst().orElse("");
            if (first.matches("\\d+")) {
                ProcessHandle.of(Long.parseLong(first)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis < 15_000, "bounded drain after exit, took " + elapsedMillis + " ms");
        assertTrue(sink.stdout().endsWith("\nhi\n"), sink.stdout());
        if (closesCutOffStreamsBeforeExit()) {
            assertTrue(sink.closed(StreamId.STDOUT), "onClosed before onExit, as OutputSink promises");
        }
    }

    /**
     * Whether a stream that a descendant keeps open is reported closed (cut off) before
     * {@code onExit} completes, as {@link OutputSink} promises.
     */
    protected boolean closesCutOffStreamsBeforeExit() {
        return true;
    }
}
