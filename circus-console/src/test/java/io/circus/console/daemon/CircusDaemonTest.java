package io.circus.console.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** circusd as an operator runs it: a separate JVM, real children, real signals. */
class CircusDaemonTest {

    @TempDir
    Path dir;

    private Path config(int sleepers) throws Exception {
        Path ini = dir.resolve("circus.ini");
        Files.writeString(ini, """
                [circus]
                check_delay = 1
                %s
                [watcher:sleepers]
                cmd = sleep 3600
                numprocesses = %d
                graceful_timeout = 5
                """.formatted(DaemonProcess.freeEndpoints(), sleepers));
        return ini;
    }

    @Test
    void theBuiltInLoggingWritesCircusLinesAndAnOperatorsFileStillWins() throws Exception {
        Path ini = config(1);
        try (DaemonProcess d = new DaemonProcess(dir, List.of("-Dcircus.logback=builtin"), ini.toString())) {
            d.awaitLog("Arbiter now waiting for commands");
            assertTrue(java.util.regex.Pattern.compile("(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d circus\\["
                    + d.pid() + "\\] \\[INFO\\] Arbiter now waiting for commands").matcher(d.log()).find(), d.log());
            d.signal("TERM");
            assertEquals(0, d.awaitExit(), d.log());
        }
        Path own = Files.writeString(dir.resolve("own-logback.xml"), """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>OWN %level %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        try (DaemonProcess d = new DaemonProcess(dir, List.of("-Dcircus.logback=builtin",
                "-Dlogback.configurationFile=" + own), ini.toString())) {
            d.awaitLog("OWN INFO Arbiter now waiting for commands");
            d.signal("TERM");
            assertEquals(0, d.awaitExit(), d.log());
        }
    }

    @Test
    void sigtermStopsEveryWatcherAndExitsZero() throws Exception {
        Path ini = config(2);
        try (DaemonProcess d = new DaemonProcess(dir, ini.toString())) {
            d.awaitLog("Arbiter now waiting for commands");
            Await.until("two children", () -> d.children().size() == 2);
            List<Long> children = d.children();
            d.signal("TERM");
            assertEquals(0, d.awaitExit(), d.log());
            for (long pid : children) {
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "child " + pid + " survived");
            }
            assertTrue(d.log().contains("sleepers stopped"), d.log());
        }
    }

    @Test
    void sighupAppliesTheEditedConfiguration() throws Exception {
        Path ini = config(1);
        try (DaemonProcess d = new DaemonProcess(dir, ini.toString())) {
            d.awaitLog("Arbiter now waiting for commands");
            Await.until("one child", () -> d.children().size() == 1);
            long first = d.children().getFirst();
            config(3);
            d.signal("HUP");
            Await.until("three children after SIGHUP", () -> d.children().size() == 3);
            assertTrue(d.children().contains(first), "a resize keeps the running process");
        }
    }

    @Test
    void aBadSighupConfigurationChangesNothing() throws Exception {
        Path ini = config(2);
        try (DaemonProcess d = new DaemonProcess(dir, ini.toString())) {
            d.awaitLog("Arbiter now waiting for commands");
            Await.until("two children", () -> d.children().size() == 2);
            List<Long> before = d.children();
            Files.writeString(ini, "[watcher:sleepers]\ncmd = sleep 3600\nnumprocesses = many\n");
            d.signal("HUP");
            d.awaitLog("reloadconfig refused");
            assertTrue(d.log().contains("numprocesses"), d.log());
            assertEquals(before, d.children());
        }
    }

    @Test
    void aLivePidFileRefusesASecondDaemonAndAStaleOneIsReplaced() throws Exception {
        Path ini = config(1);
        Path pidfile = dir.resolve("circusd.pid");
        Files.writeString(pidfile, "999999999\n"); // stale: no such process
        try (DaemonProcess d = new DaemonProcess(dir, "--pidfile", pidfile.toString(), ini.toString())) {
            d.awaitLog("Arbiter now waiting for commands");
            assertEquals(d.pid() + "\n", Files.readString(pidfile));
            try (DaemonProcess second = new DaemonProcess(dir, "--pidfile", pidfile.toString(), ini.toString())) {
                assertEquals(1, second.awaitExit());
                assertTrue(second.log().contains("belongs to running process " + d.pid()), second.log());
            }
            d.signal("TERM");
            assertEquals(0, d.awaitExit());
            assertFalse(Files.exists(pidfile), "the pid file is removed at exit");
        }
    }

    @Test
    void daemonModeDetachesAndTheDetachedDaemonOwnsThePidFile() throws Exception {
        Path ini = config(1);
        Path pidfile = dir.resolve("detached.pid");
        long detached;
        try (DaemonProcess launcher = new DaemonProcess(dir, "--daemon", "--pidfile", pidfile.toString(), ini.toString())) {
            assertEquals(0, launcher.awaitExit(), launcher.log());
            Await.until("the detached daemon wrote its pid", () -> Files.exists(pidfile));
            detached = Long.parseLong(Files.readString(pidfile).strip());
            assertTrue(detached != launcher.pid());
        }
        ProcessHandle daemon = ProcessHandle.of(detached).orElseThrow();
        try {
            Await.until("the detached daemon runs its watcher", () -> daemon.children().anyMatch(ProcessHandle::isAlive));
        } finally {
            new ProcessBuilder("kill", "-TERM", Long.toString(detached)).start().waitFor();
            Await.until("the detached daemon exited", () -> !daemon.isAlive());
        }
        assertFalse(Files.exists(pidfile));
    }

    @Test
    void aBadConfigurationIsReportedAndNothingStarts() throws Exception {
        Path ini = dir.resolve("bad.ini");
        Files.writeString(ini, "[watcher:web]\ncmd = sleep 1\ngraceful_timeout = soon\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CircusDaemon.run(new String[] {ini.toString()}, new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, status);
        assertTrue(message.contains(ini.toString()) && message.contains("watcher:web")
                && message.contains("graceful_timeout") && message.contains("soon"), message);
    }

    /** A start-up failure names the file and the [circus] key, not a side effect of cleaning up. */
    @Test
    void aPubsubPortInUseNamesFileAndKey() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Path ini = dir.resolve("inuse.ini");
            Files.writeString(ini, "[circus]\nendpoint = tcp://127.0.0.1:0\npubsub_endpoint = tcp://127.0.0.1:"
                    + taken.getLocalPort() + "\n\n[watcher:web]\ncmd = sleep 60\nautostart = false\n");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = CircusDaemon.run(new String[] {ini.toString()}, new PrintStream(err, true, StandardCharsets.UTF_8));
            String message = err.toString(StandardCharsets.UTF_8);
            assertEquals(1, status);
            assertTrue(message.contains("circusd: " + ini + ": [circus] pubsub_endpoint = 'tcp://127.0.0.1:"
                    + taken.getLocalPort() + "': cannot bind: Address already in use"), message);
        }
    }

    @Test
    void aBadCommandLineGetsUsageAndStatusTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CircusDaemon.run(new String[] {"--bogus", "x.ini"}, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option: --bogus"));
    }
}
