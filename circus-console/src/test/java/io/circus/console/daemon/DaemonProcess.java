package io.circus.console.daemon;

import io.circus.testing.Await;
import io.circus.testing.FreePorts;
import io.circus.testing.TestChildren;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real circusd in its own JVM, with its log in a file; {@link #close()} kills it if still running. */
public final class DaemonProcess implements AutoCloseable {

    public final Process process;
    final Path log;

    public DaemonProcess(Path dir, String... args) throws IOException {
        this(dir, List.of(), args);
    }

    /** @param jvmOptions options for the daemon's JVM, before its main class */
    public DaemonProcess(Path dir, List<String> jvmOptions, String... args) throws IOException {
        log = dir.resolve("circusd-" + System.nanoTime() + ".log");
        List<String> argv = new ArrayList<>(TestChildren.javaMain(CircusDaemon.class, args));
        argv.add(1, "--enable-native-access=ALL-UNNAMED");
        argv.addAll(1, jvmOptions);
        process = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    /** {@code [circus]} lines putting the ZeroMQ channels on free loopback ports (never the defaults). */
    public static String freeEndpoints() throws IOException {
        return "endpoint = tcp://127.0.0.1:" + FreePorts.loopback() + "\npubsub_endpoint = tcp://127.0.0.1:" + FreePorts.loopback() + "\n";
    }

    /**
     * Writes {@code circus.ini} into {@code dir}: the control channel on {@code controlPort}, events on a
     * free port, and watcher {@code web} of two sleepers.
     */
    static Path twoSleepersIni(Path dir, int controlPort) throws IOException {
        return Files.writeString(dir.resolve("circus.ini"), """
                [circus]
                endpoint = tcp://127.0.0.1:%d
                pubsub_endpoint = tcp://127.0.0.1:%d

                [watcher:web]
                cmd = sleep 3600
                numprocesses = 2
                graceful_timeout = 5
                """.formatted(controlPort, FreePorts.loopback()));
    }

    public long pid() {
        return process.pid();
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    public void awaitLog(String text) {
        Await.until("daemon log contains '" + text + "'; log so far:\n" + log(), Duration.ofSeconds(30),
                () -> log().contains(text) || !process.isAlive() && log().contains(text));
    }

    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("daemon did not exit; log:\n" + log());
        }
        return process.exitValue();
    }

    /** Pids of the daemon's direct children. */
    public List<Long> children() {
        return process.toHandle().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
    }

    void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-s", name, Long.toString(pid())).start().waitFor();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            signal("TERM");
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        }
    }
}
