package io.circus.process.linux;

import static io.circus.process.linux.LinuxConstants.CLOCK_BOOTTIME;
import static io.circus.process.linux.LinuxConstants.F_GETFL;
import static io.circus.process.linux.LinuxConstants.F_SETFL;
import static io.circus.process.linux.LinuxConstants.O_CLOEXEC;
import static io.circus.process.linux.LinuxConstants.O_NONBLOCK;
import static io.circus.process.linux.LinuxConstants.O_RDONLY;
import static io.circus.process.linux.LinuxConstants.O_WRONLY;
import static io.circus.process.linux.LinuxConstants.P_PID;
import static io.circus.process.linux.LinuxConstants.WEXITED;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.circus.os.linux.Libc;
import io.circus.os.linux.SpawnCalls;
import io.circus.process.GroupMode;
import io.circus.process.KernelStart;
import io.circus.process.SpawnException;
import io.circus.process.SpawnRequest;
import io.circus.process.Stdio;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code posix_spawn} with everything around it: pipes, file actions and attributes. The
 * child's pidfd is opened afterwards in the {@link PidfdTable}, not in the table copied into children.
 *
 * <p>Signal hygiene: the child gets an empty signal mask ({@code SETSIGMASK}; every JVM thread that
 * runs Java code blocks SIGQUIT) and default dispositions for all signals ({@code SETSIGDEF} with a
 * full set; a daemon started under {@code nohup} ignores HUP, which children would inherit).
 *
 * <p>Pipes are created close-on-exec so concurrent spawns never leak them into each other's
 * children; only the daemon's read ends are made non-blocking (a non-blocking write end would make
 * the child's writes fail with EAGAIN).
 *
 * <p>Threading: stateless, any thread; each call uses its own confined arena.
 */
final class NativeSpawner {

    /**
     * The child, the daemon's ends of its pipes (-1 when not piped) and the range its start time lies
     * in, in clock ticks since boot ({@link KernelStart}); both -1 when the clock could not be read or
     * the spawn took longer than {@link #MAX_START_RANGE} (then /proc says).
     */
    record Spawned(int pid, int stdoutRead, int stderrRead, long earliestStart, long latestStart) {
    }

    /** The child of one {@code posix_spawn} and its start range as {@link Spawned} has it. */
    private record Child(int pid, long earliestStart, long latestStart) {
    }

    /** The widest start range worth keeping, in ticks: a spawn slower than this is rare, and vaguer. */
    static final long MAX_START_RANGE = 10;

    private NativeSpawner() {
    }

    static Spawned spawn(SpawnRequest request, ExecPlanner.ExecPlan plan) throws SpawnException {
        List<Integer> opened = new ArrayList<>(4);
        try (Arena arena = Arena.ofConfined()) {
            int[] out = request.stdout() == Stdio.PIPE ? pipe(arena, opened) : new int[] {-1, -1};
            int[] err = request.stderr() == Stdio.PIPE ? pipe(arena, opened) : new int[] {-1, -1};
            List<FileActionPlan.Action> actions = FileActionPlan.plan(request.stdin(), request.stdout(), out[1],
                    request.stderr(), err[1], request.fds());
            Child child = posixSpawn(arena, request, plan, actions);
            int pid = child.pid();
            OwnedPids.add(pid);
            try {
                // The child has its copies now; ours would keep the pipes from ever reaching EOF.
                closeQuietly(out[1], opened);
                closeQuietly(err[1], opened);
                nonBlocking(out[0]);
                nonBlocking(err[0]);
                opened.clear();
                return new Spawned(pid, out[0], err[0], child.earliestStart(), child.latestStart());
            } catch (SpawnException | RuntimeException | Error e) {
                // The child runs but nobody could watch it: it must not outlive this failure.
                killAndReap(pid, request.group() != GroupMode.NONE, arena);
                throw e;
            }
        } finally {
            for (int fd : opened) {
                Libc.close(fd);
            }
        }
    }

    private static Child posixSpawn(Arena arena, SpawnRequest request, ExecPlanner.ExecPlan plan,
                                  List<FileActionPlan.Action> actions) throws SpawnException {
        MemorySegment fa = arena.allocate(SpawnCalls.FILE_ACTIONS_SIZE, 16);
        MemorySegment attr = arena.allocate(SpawnCalls.ATTR_SIZE, 16);
        check(SpawnCalls.fileActionsInit(fa), "posix_spawn_file_actions_init");
        try {
            check(SpawnCalls.attrInit(attr), "posix_spawnattr_init");
            try {
                addFileActions(arena, fa, actions);
                if (request.cwd() != null) {
                    check(SpawnCalls.addChdir(fa, cString(arena, request.cwd().toString())), "addchdir_np");
                }
                setAttributes(arena, attr, request.group());
                MemorySegment pidOut = arena.allocate(JAVA_INT);
                MemorySegment path = cString(arena, plan.path());
                MemorySegment argv = cStrings(arena, plan.argv());
                MemorySegment envp = environment(arena, request.env());
                MemorySegment clock = arena.allocate(16, 8);
                // The kernel stamps the child inside this call, so its start time lies between two
                // readings around it: the same tick or the next one for almost every spawn.
                long before = bootTicks(clock);
                int rc = SpawnCalls.spawn(pidOut, path, fa, attr, argv, envp);
                long after = bootTicks(clock);
                if (rc != 0) {
                    throw new SpawnException("cannot start " + request.program() + ": " + Libc.strerror(rc)
                            + " (errno " + rc + ")", rc);
                }
                boolean known = before >= 0 && after >= before && after - before <= MAX_START_RANGE;
                return new Child(pidOut.get(JAVA_INT, 0), known ? before : -1, known ? after : -1);
            } finally {
                SpawnCalls.attrDestroy(attr);
            }
        } finally {
            SpawnCalls.fileActionsDestroy(fa);
        }
    }

    /** {@code CLOCK_BOOTTIME} in clock ticks, or -1 when it cannot be read. */
    private static long bootTicks(MemorySegment timespec) {
        if (Libc.clockGettime(CLOCK_BOOTTIME, timespec) != 0) {
            return -1;
        }
        long nanos = timespec.get(JAVA_LONG, 0) * 1_000_000_000L + timespec.get(JAVA_LONG, 8);
        return nanos / KernelStart.NANOS_PER_TICK;
    }

    private static void addFileActions(Arena arena, MemorySegment fa, List<FileActionPlan.Action> actions)
            throws SpawnException {
        MemorySegment devNull = cString(arena, "/dev/null");
        for (FileActionPlan.Action action : actions) {
            switch (action) {
                case FileActionPlan.Dup2(int from, int to) -> check(SpawnCalls.addDup2(fa, from, to), "adddup2");
                case FileActionPlan.OpenDevNull(int fd, boolean write) ->
                        check(SpawnCalls.addOpen(fa, fd, devNull, write ? O_WRONLY : O_RDONLY, 0), "addopen");
                case FileActionPlan.Close(int fd) -> check(SpawnCalls.addClose(fa, fd), "addclose");
                case FileActionPlan.CloseFrom(int low) -> check(SpawnCalls.addCloseFrom(fa, low), "addclosefrom_np");
            }
        }
    }

    private static void setAttributes(Arena arena, MemorySegment attr, GroupMode group) throws SpawnException {
        short flags = LinuxConstants.POSIX_SPAWN_SETSIGMASK | LinuxConstants.POSIX_SPAWN_SETSIGDEF;
        switch (group) {
            case NEW_SESSION -> flags |= LinuxConstants.POSIX_SPAWN_SETSID;
            case NEW_PROCESS_GROUP -> {
                flags |= LinuxConstants.POSIX_SPAWN_SETPGROUP;
                check(SpawnCalls.attrSetPgroup(attr, 0), "posix_spawnattr_setpgroup");
            }
            case NONE -> {
                // stays in the daemon's group and session
            }
        }
        check(SpawnCalls.attrSetFlags(attr, flags), "posix_spawnattr_setflags");
        MemorySegment empty = arena.allocate(SpawnCalls.SIGSET_SIZE, 8);
        MemorySegment all = arena.allocate(SpawnCalls.SIGSET_SIZE, 8);
        SpawnCalls.sigemptyset(empty);
        SpawnCalls.sigfillset(all);
        check(SpawnCalls.attrSetSigmask(attr, empty), "posix_spawnattr_setsigmask");
        check(SpawnCalls.attrSetSigdefault(attr, all), "posix_spawnattr_setsigdefault");
    }

    private static int[] pipe(Arena arena, List<Integer> opened) throws SpawnException {
        MemorySegment fds = arena.allocate(JAVA_INT, 2);
        int r = Libc.pipe2(fds, O_CLOEXEC);
        if (r < 0) {
            throw new SpawnException("pipe2: " + Libc.strerror(-r), -r);
        }
        int[] ends = {fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
        opened.add(ends[0]);
        opened.add(ends[1]);
        return ends;
    }

    private static void nonBlocking(int fd) throws SpawnException {
        if (fd < 0) {
            return;
        }
        int injected = FaultSeam.takeFcntlErrno();
        if (injected != 0) {
            throw new SpawnException("fcntl(O_NONBLOCK): " + Libc.strerror(injected), injected);
        }
        int flags = Libc.fcntl(fd, F_GETFL, 0);
        int r = flags < 0 ? flags : Libc.fcntl(fd, F_SETFL, flags | O_NONBLOCK);
        if (r < 0) {
            throw new SpawnException("fcntl(O_NONBLOCK): " + Libc.strerror(-r), -r);
        }
    }

    private static void closeQuietly(int fd, List<Integer> opened) {
        if (fd >= 0) {
            Libc.close(fd);
            opened.remove(Integer.valueOf(fd));
        }
    }

    /** Without a pidfd the child cannot be watched: kill it and reap it by pid, never leaving a zombie. */
    private static void killAndReap(int pid, boolean leadsGroup, Arena arena) {
        Libc.kill(pid, 9);
        if (leadsGroup) {
            // Unreaped, the child still holds its pid, so the group id cannot name anyone else.
            Libc.kill(-pid, 9);
        }
        MemorySegment info = arena.allocate(LinuxConstants.SIGINFO_SIZE, 8);
        int r;
        do {
            r = Libc.waitid(P_PID, pid, info, WEXITED);
        } while (r == -LinuxConstants.EINTR);
        OwnedPids.remove(pid);
    }

    private static void check(int rc, String call) throws SpawnException {
        if (rc != 0) {
            throw new SpawnException(call + ": " + Libc.strerror(rc), rc);
        }
    }

    private static MemorySegment cString(Arena arena, String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("NUL character in " + s.replace('\0', '?'));
        }
        return arena.allocateFrom(s);
    }

    private static MemorySegment cStrings(Arena arena, List<String> strings) {
        MemorySegment array = arena.allocate(ADDRESS, strings.size() + 1L);
        for (int i = 0; i < strings.size(); i++) {
            array.setAtIndex(ADDRESS, i, cString(arena, strings.get(i)));
        }
        array.setAtIndex(ADDRESS, strings.size(), MemorySegment.NULL);
        return array;
    }

    private static MemorySegment environment(Arena arena, Map<String, String> env) {
        List<String> entries = new ArrayList<>(env.size());
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().isEmpty() || e.getKey().indexOf('=') >= 0) {
                throw new IllegalArgumentException("invalid environment variable name: '" + e.getKey() + "'");
            }
            entries.add(e.getKey() + "=" + e.getValue());
        }
        return cStrings(arena, entries);
    }
}
