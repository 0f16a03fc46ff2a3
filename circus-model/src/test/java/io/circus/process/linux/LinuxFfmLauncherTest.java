package io.circus.process.linux;

import static io.circus.process.linux.LauncherFixture.PATH_ONLY;
import static io.circus.process.linux.LauncherFixture.count;
import static io.circus.process.linux.LauncherFixture.read;
import static io.circus.process.linux.LauncherFixture.status;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.os.linux.Libc;
import io.circus.process.Capability;
import io.circus.process.CollectingSink;
import io.circus.process.Credentials;
import io.circus.process.ExitStatus;
import io.circus.process.GroupMode;
import io.circus.process.InheritedFd;
import io.circus.process.KernelStart;
import io.circus.process.ManagedProcess;
import io.circus.process.OutputSink;
import io.circus.process.Rlimit;
import io.circus.process.Signal;
import io.circus.process.SpawnException;
import io.circus.process.SpawnRequest;
import io.circus.process.Stdio;
import io.circus.testing.Await;
import io.circus.testing.Requirements;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What only the native backend promises: descriptors, orphans, limits, ids, and no leaks at scale. */
class LinuxFfmLauncherTest {

    private LauncherFixture fixture;

    @BeforeEach
    void open() {
        fixture = new LauncherFixture();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static ExitStatus exitOf(ManagedProcess p) throws Exception {
        return p.onExit().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static SpawnRequest.Builder sleeper() {
        return SpawnRequest.builder(List.of("sleep", "120")).env(PATH_ONLY);
    }

    @Test
    void declaresItsCapabilities() {
        assertTrue(fixture.launcher.capabilities().containsAll(List.of(Capability.SIGNALS_ANY,
                Capability.PROCESS_GROUP, Capability.SESSION, Capability.FD_PASSING, Capability.EVENT_LOOP,
                Capability.UMASK, Capability.SUBREAPER)), fixture.launcher.capabilities().toString());
        assertEquals(1, fixture.launcher.threadCount());
        assertEquals("linux-ffm", fixture.launcher.name());
    }

    /**
     * The child's descriptor table, read from outside so the reader adds no descriptor of its own,
     * once {@code sleep} sits in nanosleep: its start-up (setlocale) briefly opens files of its own.
     */
    private static Map<Integer, String> descriptors(long pid) throws IOException {
        Await.until("pid " + pid + " asleep", () -> read("/proc/" + pid + "/wchan").contains("nanosleep"));
        Map<Integer, String> fds = new TreeMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            for (Path p : entries.toList()) {
                fds.put(Integer.parseInt(p.getFileName().toString()), Files.readSymbolicLink(p).toString());
            }
        }
        return fds;
    }

    /**
     * The launcher's start range holds the start time /proc shows (field 22), is at most a tick wide
     * for a quick spawn, and comes with the group the request asked for.
     */
    @Test
    void knowsTheKernelsStartTimeAndGroupWithoutReadingProc() throws Exception {
        for (GroupMode mode : List.of(GroupMode.NONE, GroupMode.NEW_SESSION)) {
            ManagedProcess p = fixture.spawn(sleeper().group(mode).build());
            KernelStart start = p.kernelStart().orElseThrow();
            String stat = read("/proc/" + p.pid() + "/stat");
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            assertEquals(p.pid(), start.pid());
            assertTrue(start.matches(Long.parseLong(f[19])), start + " holds field 22 of " + stat);
            assertTrue(start.latestTicks() - start.earliestTicks() <= NativeSpawner.MAX_START_RANGE, start.toString());
            assertEquals(mode != GroupMode.NONE, start.leadsGroup());
            assertEquals(mode != GroupMode.NONE, Long.parseLong(f[2]) == p.pid(), "pgid in " + stat);
            p.signal(Signal.KILL);
            exitOf(p);
        }
    }

    @Test
    void childSeesExactlyStdioAndPassedDescriptors() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            int[] a = pipe(arena);
            int[] b = pipe(arena);
            try {
                String inodeA = Files.readSymbolicLink(Path.of("/proc/self/fd/" + a[0])).toString();
                String inodeB = Files.readSymbolicLink(Path.of("/proc/self/fd/" + b[0])).toString();
                // a[0] and b[0] swap numbers in the child: each source is the other's target.
                ManagedProcess p = fixture.spawn(sleeper().stdout(Stdio.PIPE).stderr(Stdio.PIPE).sink(OutputSink.DISCARD)
                        .fd(new InheritedFd(a[0], b[0])).fd(new InheritedFd(b[0], a[0])).build());
                Map<Integer, String> fds = descriptors(p.pid());
                assertEquals(List.of(0, 1, 2, Math.min(a[0], b[0]), Math.max(a[0], b[0])), List.copyOf(fds.keySet()),
                        fds.toString());
                assertEquals("/dev/null", fds.get(0));
                assertTrue(fds.get(1).startsWith("pipe:") && fds.get(2).startsWith("pipe:"), fds.toString());
                assertEquals(inodeA, fds.get(b[0]));
                assertEquals(inodeB, fds.get(a[0]));
            } finally {
                for (int fd : new int[] {a[0], a[1], b[0], b[1]}) {
                    Libc.close(fd);
                }
            }
        }
    }

    @Test
    void childWithoutPassedDescriptorsHasOnlyStdio() throws Exception {
        ManagedProcess p = fixture.spawn(sleeper().stdin(Stdio.NULL).stdout(Stdio.NULL).stderr(Stdio.NULL).build());
        assertEquals(Map.of(0, "/dev/null", 1, "/dev/null", 2, "/dev/null"), descriptors(p.pid()));
    }

    private static int[] pipe(Arena arena) {
        MemorySegment fds = arena.allocate(JAVA_INT, 2);
        assertEquals(0, Libc.pipe2(fds, LinuxConstants.O_CLOEXEC));
        return new int[] {fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
    }

    @Test
    void killingTheGroupLeavesNoDescendant() throws Exception {
        CollectingSink sink = new CollectingSink();
        ManagedProcess p = fixture.spawn(SpawnRequest.builder(List.of("/bin/sh", "-c",
                        "sh -c 'sleep 300 & sleep 300 & wait' & sleep 300 & echo up; wait"))
                .env(PATH_ONLY).group(GroupMode.NEW_PROCESS_GROUP).stdout(Stdio.PIPE).sink(sink).build());
        Await.until("tree up", () -> sink.hasLine("up")
                && ProcessHandle.of(p.pid()).map(h -> h.descendants().count()).orElse(0L) == 4);
        List<Long> tree = ProcessHandle.of(p.pid()).orElseThrow().descendants().map(ProcessHandle::pid).toList();
        assertTrue(p.signalGroup(Signal.KILL));
        assertEquals(ExitStatus.killed(9, false), exitOf(p));
        for (long pid : tree) {
            Await.until("descendant " + pid + " reaped", () -> !Files.exists(Path.of("/proc/" + pid)));
        }
        assertFalse(p.signal(Signal.TERM));
    }

    @Test
    void adoptedOrphansAreReaped() throws Exception {
        Requirements.require(fixture.launcher.can(Capability.SUBREAPER), "PR_SET_CHILD_SUBREAPER (Linux >= 3.4)");
        CollectingSink sink = new CollectingSink();
        ManagedProcess p = fixture.spawn(SpawnRequest.builder(List.of("/bin/sh", "-c",
                        "sleep 1 </dev/null >/dev/null 2>&1 & echo $!"))
                .env(PATH_ONLY).group(GroupMode.NEW_SESSION).stdout(Stdio.PIPE).sink(sink).build());
        assertEquals(ExitStatus.exited(0), exitOf(p));
        long orphan = Long.parseLong(sink.stdout().strip());
        Path proc = Path.of("/proc/" + orphan);
        if (Files.exists(proc)) {
            assertEquals(Long.toString(ProcessHandle.current().pid()), status(orphan, "PPid"),
                    "the orphan is adopted by the daemon, not by init");
        }
        Await.until("orphan " + orphan + " reaped, no zombie left", () -> !Files.exists(proc));
    }

    /**
     * With the safety-net scan an hour away, the orphans of a child are still reaped as they exit:
     * the child's reaping makes the reaper watch them. A deeper descendant's orphan is found by the
     * safety-net scan, here every 200 ms.
     */
    @Test
    void orphansAreWatchedFromTheirParentsExitAndFoundByTheSafetyNet() throws Exception {
        Requirements.require(fixture.launcher.can(Capability.SUBREAPER), "PR_SET_CHILD_SUBREAPER (Linux >= 3.4)");
        fixture.close(); // Only the launchers below may scan for orphans.
        try (LauncherFixture slow = new LauncherFixture(LinuxFfmLauncher.create(new LinuxFfmLauncher.Settings(
                     1, Duration.ofSeconds(2), true, Duration.ofHours(1))))) {
            CollectingSink sink = new CollectingSink();
            ManagedProcess p = slow.spawn(SpawnRequest.builder(List.of("/bin/sh", "-c",
                            "sleep 0.5 </dev/null >/dev/null 2>&1 & echo $!"))
                    .env(PATH_ONLY).group(GroupMode.NEW_SESSION).stdout(Stdio.PIPE).sink(sink).build());
            assertEquals(ExitStatus.exited(0), exitOf(p));
            Path proc = Path.of("/proc/" + Long.parseLong(sink.stdout().strip()));
            Await.until("orphan of a child reaped without a periodic scan", () -> !Files.exists(proc));
        }
        try (LauncherFixture quick = new LauncherFixture(LinuxFfmLauncher.create(new LinuxFfmLauncher.Settings(
                     1, Duration.ofSeconds(2), true, Duration.ofMillis(200))))) {
            CollectingSink sink = new CollectingSink();
            // The child outlives its own child (the orphan's parent), so its exit adopts nothing.
            ManagedProcess p = quick.spawn(SpawnRequest.builder(List.of("/bin/sh", "-c",
                            "/bin/sh -c 'sleep 0.5 </dev/null >/dev/null 2>&1 & echo $!'; exec sleep 30"))
                    .env(PATH_ONLY).group(GroupMode.NEW_SESSION).stdout(Stdio.PIPE).sink(sink).build());
            Await.until("grandchild pid printed", () -> !sink.stdout().isBlank());
            Path proc = Path.of("/proc/" + Long.parseLong(sink.stdout().strip()));
            Await.until("orphan of a grandchild reaped by the safety net", () -> !Files.exists(proc));
            assertTrue(p.isAlive(), "the child itself still runs");
        }
    }

    @Test
    void rlimitsAndUmaskHoldFromTheFirstInstruction() throws Exception {
        Requirements.require(fixture.launcher.can(Capability.RLIMITS), "prlimit (util-linux)");
        ManagedProcess p = fixture.spawn(sleeper().umask(0027).rlimit(Rlimit.NOFILE, 123).rlimit(Rlimit.CORE, 0)
                .rlimit(Rlimit.CPU, Rlimit.INFINITY).rlimit(Rlimit.NPROC, 4096).build());
        Await.until("wrappers exec'd into sleep", () -> read("/proc/" + p.pid() + "/comm").equals("sleep\n"));
        String limits = read("/proc/" + p.pid() + "/limits");
        assertTrue(limits.matches("(?s).*Max open files\\s+123\\s+123\\s+files.*"), limits);
        assertTrue(limits.matches("(?s).*Max core file size\\s+0\\s+0\\s+bytes.*"), limits);
        assertTrue(limits.matches("(?s).*Max cpu time\\s+unlimited\\s+unlimited\\s+seconds.*"), limits);
        assertTrue(limits.matches("(?s).*Max processes\\s+4096\\s+4096\\s+processes.*"), limits);
        assertEquals("0027", status(p.pid(), "Umask"));
        assertEquals("sleep\0" + "120\0", read("/proc/" + p.pid() + "/cmdline"), "argv unchanged by the wrappers");
    }

    @Test
    void umaskAloneNeedsNoRlimitTool() throws Exception {
        CollectingSink sink = new CollectingSink();
        ManagedProcess p = fixture.spawn(SpawnRequest.builder(List.of("/bin/sh", "-c", "umask")).env(PATH_ONLY)
                .umask(0077).stdout(Stdio.PIPE).sink(sink).build());
        assertEquals(ExitStatus.exited(0), exitOf(p));
        assertEquals("0077\n", sink.stdout());
    }

    @Test
    void executableRunsWithArgvZeroUnchanged() throws Exception {
        CollectingSink plain = new CollectingSink();
        ManagedProcess direct = fixture.spawn(SpawnRequest.builder(List.of("my-name", "-c", "echo $0")).env(PATH_ONLY)
                .executable("/bin/sh").stdout(Stdio.PIPE).sink(plain).build());
        assertEquals(ExitStatus.exited(0), exitOf(direct));
        assertEquals("my-name\n", plain.stdout());

        CollectingSink wrapped = new CollectingSink();
        ManagedProcess behindWrapper = fixture.spawn(SpawnRequest.builder(List.of("my-name", "-c", "echo $0; umask"))
                .env(PATH_ONLY).executable("sh").umask(0077).stdout(Stdio.PIPE).sink(wrapped).build());
        assertEquals(ExitStatus.exited(0), exitOf(behindWrapper));
        assertEquals("my-name\n0077\n", wrapped.stdout());
    }

    @Test
    void credentialsAreSetBeforeTheProgramStarts() throws Exception {
        Requirements.require("0".equals(status(ProcessHandle.current().pid(), "Uid").split("\\s+")[0]),
                "root: changing uid/gid needs it (CI runs as root)");
        Requirements.require(fixture.launcher.can(Capability.CREDENTIALS), "setpriv (util-linux)");
        ManagedProcess p = fixture.spawn(sleeper().credentials(new Credentials(65534, 65534, List.of())).build());
        Await.until("setpriv exec'd into sleep", () -> read("/proc/" + p.pid() + "/comm").equals("sleep\n"));
        assertEquals("65534\t65534\t65534\t65534", status(p.pid(), "Uid"));
        assertEquals("65534\t65534\t65534\t65534", status(p.pid(), "Gid"));
        assertEquals("", status(p.pid(), "Groups"));

        ManagedProcess withGroups = fixture.spawn(sleeper()
                .credentials(new Credentials(65534, 65534, List.of(65534, 100))).build());
        Await.until("setpriv exec'd into sleep", () -> read("/proc/" + withGroups.pid() + "/comm").equals("sleep\n"));
        assertEquals("100 65534", status(withGroups.pid(), "Groups"));
    }

    @Test
    void spawnFailuresLeaveNoZombieAndNoDescriptor() throws Exception {
        long fds = count("/proc/self/fd");
        long children = ProcessHandle.current().children().count();
        for (int i = 0; i < 50; i++) {
            assertThrows(SpawnException.class, () -> fixture.spawn(SpawnRequest.builder(List.of("/nonexistent"))
                    .env(PATH_ONLY).stdout(Stdio.PIPE).stderr(Stdio.PIPE).sink(OutputSink.DISCARD).build()));
            assertThrows(SpawnException.class, () -> fixture.spawn(sleeper().cwd(Path.of("/nonexistent-dir")).build()));
            assertThrows(SpawnException.class, () -> fixture.spawn(SpawnRequest.builder(List.of("/etc/hostname"))
                    .env(PATH_ONLY).stdout(Stdio.PIPE).sink(OutputSink.DISCARD).build()));
        }
        assertEquals(children, ProcessHandle.current().children().count(), "no child or zombie added");
        Await.until("no descriptor leaked", Duration.ofSeconds(5), () -> count("/proc/self/fd") <= fds);
    }

    @Test
    void manySpawnExitCyclesLeaveDescriptorsAndThreadsWhereTheyStarted() throws Exception {
        ManagedProcess warmUp = fixture.spawn(SpawnRequest.builder(List.of("/bin/true")).env(PATH_ONLY)
                .stdout(Stdio.PIPE).stderr(Stdio.PIPE).sink(OutputSink.DISCARD).build());
        exitOf(warmUp);
        long fds = count("/proc/self/fd");
        long osThreads = count("/proc/self/task");
        int javaThreads = Thread.activeCount();
        for (int i = 0; i < 5000; i++) {
            ManagedProcess p = fixture.spawn(SpawnRequest.builder(List.of("/bin/true")).env(PATH_ONLY)
                    .stdout(Stdio.PIPE).stderr(Stdio.PIPE).sink(OutputSink.DISCARD).build());
            assertEquals(ExitStatus.exited(0), exitOf(p));
            fixture.forget(p);
        }
        Await.until("descriptors back to " + fds, () -> count("/proc/self/fd") <= fds);
        assertTrue(Thread.activeCount() <= javaThreads, "java threads " + Thread.activeCount() + " > " + javaThreads);
        // The JIT may add a compiler thread meanwhile; no per-child thread may remain.
        assertTrue(count("/proc/self/task") <= osThreads + 2, "os threads " + count("/proc/self/task") + " vs " + osThreads);
    }
}
