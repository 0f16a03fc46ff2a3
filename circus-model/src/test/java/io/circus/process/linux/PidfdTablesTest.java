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
 * One private pidfd table holds only as many pidfds as the open-files limit allows, so the launcher
 * starts another table when every one is full, and only then. Forced here to 8 pidfds a table:
 * 20 real children fill three tables, every exit is still seen through the pidfd in its own table,
 * and a table that emptied takes the next children before any new table is started.
 */
class PidfdTablesTest {

    private static final int PER_TABLE = 8;

    private static final SpawnRequest SLEEPER = SpawnRequest.builder(List.of("sleep", "120")).env(PATH_ONLY)
            .stdout(Stdio.NULL).stderr(Stdio.NULL).build();

    private static LauncherFixture launcher(int perTable) {
        return new LauncherFixture(LinuxFfmLauncher.create(LinuxFfmLauncher.Settings.defaults(), perTable));
    }

    private static List<Integer> held(PidfdTables tables) {
        return tables.tables().stream().map(PidfdTable::held).toList();
    }

    /** Descriptors of the process's shared table (/proc/self is the leader, which never unshares). */
    private static long sharedTable() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static void killAndAwait(List<ManagedProcess> children) throws Exception {
        for (ManagedProcess child : children) {
            assertTrue(child.signal(Signal.KILL), "signal to running pid " + child.pid());
        }
        for (ManagedProcess child : children) {
            ExitStatus status = child.onExit().toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertEquals(Signal.KILL.number(), status.signal(), "pid " + child.pid());
        }
    }

    @Test
    void aTableStartsOnlyWhenEveryOneIsFullAndEachSeesItsChildrenExit() throws Exception {
        try (LauncherFixture fixture = launcher(PER_TABLE)) {
            PidfdTables tables = fixture.launcher.pidfdTables();
            assertTrue(tables.isPrivate(), "unshare(CLONE_FILES) is allowed here");
            long before = sharedTable();
            List<ManagedProcess> children = new ArrayList<>();
            for (int i = 0; i < 2 * PER_TABLE; i++) {
                children.add(fixture.spawn(SLEEPER));
            }
            assertEquals(List.of(PER_TABLE, PER_TABLE), held(tables), "two full tables, no third yet");
            for (int i = 0; i < 4; i++) {
                children.add(fixture.spawn(SLEEPER));
            }
            assertEquals(List.of(PER_TABLE, PER_TABLE, 4), held(tables), "a third table once both were full");
            long added = sharedTable() - before;
            assertTrue(added < 5, "20 children in three private tables added " + added + " descriptors to the shared one");

            // The first table's children (spawned first) exit: seen through the first table's pidfds.
            killAndAwait(children.subList(0, PER_TABLE));
            assertEquals(List.of(0, PER_TABLE, 4), held(tables), "the reaped children's pidfds were closed");

            // The emptied table is filled again before the third one, and no fourth is started.
            List<ManagedProcess> again = new ArrayList<>();
            for (int i = 0; i < PER_TABLE + 4; i++) {
                again.add(fixture.spawn(SLEEPER));
            }
            assertEquals(List.of(PER_TABLE, PER_TABLE, PER_TABLE), held(tables));

            // Every exit is still seen, in every table (the later tables share the epoll set too).
            killAndAwait(children.subList(PER_TABLE, children.size()));
            killAndAwait(again);
            assertEquals(List.of(0, 0, 0), held(tables));
        }
    }

    @Test
    void theSharedTableFallbackIsOneTableWhateverTheCapacity() throws Exception {
        System.setProperty("circus.pidfds.private", "false");
        LauncherFixture fixture;
        try {
            fixture = launcher(PER_TABLE);
        } finally {
            System.clearProperty("circus.pidfds.private");
        }
        try (fixture) {
            PidfdTables tables = fixture.launcher.pidfdTables();
            assertTrue(!tables.isPrivate());
            assertEquals(1, fixture.launcher.descriptorsPerChild(0), "the pidfd counts against the daemon's limit");
            List<ManagedProcess> children = new ArrayList<>();
            for (int i = 0; i < PER_TABLE + 2; i++) {
                children.add(fixture.spawn(SLEEPER));
            }
            assertEquals(List.of(PER_TABLE + 2), held(tables), "one shared table, never a second");
            killAndAwait(children);
        }
    }

    @Test
    void atTheDefaultCapacityAThousandWouldFitInOneTable() {
        try (LauncherFixture fixture = new LauncherFixture()) {
            PidfdTables tables = fixture.launcher.pidfdTables();
            assertEquals(0, fixture.launcher.descriptorsPerChild(0), "a private pidfd costs the daemon's table nothing");
            assertEquals(1, tables.tables().size());
            PidfdTable first = tables.tables().getFirst();
            assertTrue(first.kept() > 0 && first.kept() < 200, "kept " + first.kept());
            long limit = fixture.launcher.openFileLimit().orElseThrow();
            assertTrue(limit - first.kept() - PidfdTables.SLACK > 900, "one table holds a thousand under " + limit);
        }
    }
}
