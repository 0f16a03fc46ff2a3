package io.circus.process.linux;

import io.circus.process.GroupMode;
import io.circus.process.ManagedProcess;
import io.circus.process.Signal;
import io.circus.process.SpawnException;
import io.circus.process.SpawnRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A launcher plus every child spawned through it; {@link #close()} kills them (their groups first),
 * awaits their exits and closes the launcher, so a failing test leaves nothing behind.
 */
final class LauncherFixture implements AutoCloseable {

    static final Map<String, String> PATH_ONLY = Map.of("PATH", "/usr/bin:/bin");

    final LinuxFfmLauncher launcher;
    private final List<ManagedProcess> spawned = new CopyOnWriteArrayList<>();
    private final List<ManagedProcess> grouped = new CopyOnWriteArrayList<>();

    LauncherFixture() {
        this(LinuxFfmLauncher.create());
    }

    LauncherFixture(LinuxFfmLauncher launcher) {
        this.launcher = launcher;
    }

    ManagedProcess spawn(SpawnRequest request) throws SpawnException {
        ManagedProcess p = launcher.spawn(request);
        spawned.add(p);
        if (request.group() != GroupMode.NONE) {
            grouped.add(p);
        }
        return p;
    }

    /** Forgets finished children so long loops do not keep them all. */
    void forget(ManagedProcess p) {
        spawned.remove(p);
        grouped.remove(p);
    }

    @Override
    public void close() {
        try {
            for (ManagedProcess p : grouped) {
                p.signalGroup(Signal.KILL);
            }
            for (ManagedProcess p : spawned) {
                p.signal(Signal.KILL);
            }
            for (ManagedProcess p : spawned) {
                try {
                    p.onExit().toCompletableFuture().get(15, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // the test or ChildProcessGuard reports it
                }
            }
        } finally {
            launcher.close();
        }
    }

    static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            return "";
        }
    }

    /** A line of /proc/PID/status, e.g. {@code field("Umask")} gives {@code 0027}. */
    static String status(long pid, String field) {
        return read("/proc/" + pid + "/status").lines().filter(l -> l.startsWith(field + ":"))
                .map(l -> l.substring(field.length() + 1).strip()).findFirst().orElse(null);
    }

    static long count(String dir) {
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            return s.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
