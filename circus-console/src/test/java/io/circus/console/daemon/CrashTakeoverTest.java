package io.circus.console.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.runtime.takeover.PreviousLife;
import io.circus.runtime.takeover.ProcessRecord;
import io.circus.testing.Await;
import io.circus.testing.FreePorts;
import io.circus.testing.Requirements;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real circusd killed with SIGKILL, started again on the same configuration: what it left behind
 * (children holding a [socket:...] port, a descendant in a child's process group) is stopped before
 * the new daemon binds, and a recorded pid now used by an unrelated process is left alone.
 */
class CrashTakeoverTest {

    @TempDir
    Path dir;

    /** Every process this test caused that may outlive its daemon: killed after the test, whatever happened. */
    private final List<ProcessHandle> strays = new ArrayList<>();

    @BeforeEach
    void needSetsid() {
        boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "setsid")));
        Requirements.require(found && Files.isDirectory(Path.of("/proc/self")),
                "setsid and /proc (Linux, util-linux; bin/setup-test-deps installs util-linux)");
    }

    @AfterEach
    void killStrays() {
        for (ProcessHandle p : strays) {
            p.destroyForcibly(); // A ProcessHandle checks the start time: never a recycled pid.
        }
        for (ProcessHandle p : strays) {
            Await.until("stray " + p.pid() + " gone", Duration.ofSeconds(10), () -> !alive(p));
        }
    }

    private final int jmxPort = FreePorts.loopback();

    private Path config(int port) throws IOException {
        Path web = script("web.sh", "echo \"web $$ started\"\nexec sleep 3600\n");
        // A shell with a background child: the child stays in the shell's group when the shell dies.
        Path quiet = script("quiet.sh", "sleep 3601 &\necho \"quiet $$ started\"\nwait\n");
        Path ini = dir.resolve("circus.ini");
        Files.writeString(ini, """
                [circus]
                check_delay = 1
                statefile = state/circusd.state
                jmx_port = %d
                jmx_host = 127.0.0.1
                %s
                [socket:web]
                host = 127.0.0.1
                port = %d

                [watcher:web]
                cmd = %s
                use_sockets = true
                numprocesses = 2
                graceful_timeout = 5
                stdout_stream.class = FileStream
                stdout_stream.filename = %s

                [watcher:quiet]
                cmd = %s
                numprocesses = 3
                graceful_timeout = 5
                """.formatted(jmxPort, DaemonProcess.freeEndpoints(), port, web, dir.resolve("web.log"), quiet));
        return ini;
    }

    private Path script(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    @Test
    void aRestartAfterSigkillStopsTheSurvivorsAndBindsTheSocket() throws Exception {
        int port = FreePorts.loopback();
        Path ini = config(port);
        Path state = dir.resolve("state/circusd.state");
        List<ProcessHandle> old;
        Set<Long> oldLeaders;
        try (DaemonProcess first = new DaemonProcess(dir, ini.toString())) {
            first.awaitLog("Arbiter now waiting for commands");
            Await.until("5 children and 3 grandchildren", () -> first.process.toHandle().descendants()
                    .filter(CrashTakeoverTest::alive).count() == 8);
            old = first.process.toHandle().descendants().filter(CrashTakeoverTest::alive).toList();
            strays.addAll(old);
            oldLeaders = new HashSet<>(first.children());
            Await.until("the state file records the 5 children", () -> recorded(state).equals(oldLeaders));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
            first.process.destroyForcibly().waitFor(); // SIGKILL: no chance to stop anything
        }
        for (ProcessHandle p : old) {
            assertTrue(alive(p), "the children outlive a SIGKILLed daemon: " + p.pid());
        }

        // An unrelated process whose pid the file claims, with another start time: a reused pid.
        Process decoy = new ProcessBuilder("setsid", "sleep", "3600").start();
        strays.add(decoy.toHandle());
        long decoyStart = startTicks(decoy.pid());
        Files.writeString(state, "+ %d %d %d 1 9 100 1 web\n".formatted(decoy.pid(), decoyStart + 1, decoy.pid()),
                StandardOpenOption.APPEND);

        try (DaemonProcess second = new DaemonProcess(dir, ini.toString())) {
            second.awaitLog("Arbiter now waiting for commands");
            for (ProcessHandle p : old) {
                assertFalse(alive(p), "process " + p.pid() + " of the killed daemon still runs; log:\n" + second.log());
            }
            assertTrue(alive(decoy.toHandle()), "the decoy with a mismatching start time was killed:\n" + second.log());
            for (long pid : oldLeaders) {
                assertTrue(second.log().contains("takeover: stopping pid " + pid + " "), second.log());
            }
            List<String> reported = takenOver();
            assertEquals(5, reported.size(), reported.toString());
            for (long pid : oldLeaders) {
                assertTrue(reported.stream().anyMatch(l -> l.contains(" pid " + pid + " of circusd pid ")
                        && l.contains(": stopped by signal 15")), reported.toString());
            }
            Await.until("5 new children", () -> second.children().size() == 5);
            Set<Long> fresh = new HashSet<>(second.children());
            assertTrue(fresh.stream().noneMatch(oldLeaders::contains), "a second set, not the old one");
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 5000); // the new daemon's own socket
            }
            Await.until("the state file records the new children only", () -> recorded(state).equals(fresh));
            second.signal("TERM");
            assertEquals(0, second.awaitExit(), second.log());
            assertFalse(Files.exists(state), "a clean stop removes the state file");
        }
        assertTrue(alive(decoy.toHandle()));
    }

    @Test
    void aSecondDaemonOnTheSameConfigurationTouchesNothing() throws Exception {
        Path ini = config(FreePorts.loopback());
        try (DaemonProcess first = new DaemonProcess(dir, ini.toString())) {
            first.awaitLog("Arbiter now waiting for commands");
            Await.until("5 children", () -> first.children().size() == 5);
            List<Long> before = first.children();
            try (DaemonProcess second = new DaemonProcess(dir, ini.toString())) {
                assertEquals(1, second.awaitExit(), second.log());
                assertTrue(second.log().contains("circusd pid " + first.pid() + " is still running"), second.log());
            }
            assertEquals(before, first.children());
        }
    }

    @Test
    void aStatefileThatCannotBeCreatedStopsTheDaemonWithItsName() throws Exception {
        Path ini = config(FreePorts.loopback());
        Files.writeString(dir.resolve("state"), "a file where the directory should be\n");
        try (DaemonProcess d = new DaemonProcess(dir, ini.toString())) {
            assertEquals(1, d.awaitExit(), d.log());
            assertTrue(d.log().contains("the state file " + dir.resolve("state/circusd.state")), d.log());
            assertTrue(d.children().isEmpty());
        }
    }

    /** The Arbiter's TakenOver attribute, over the daemon's JMX connector. */
    private List<String> takenOver() throws Exception {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
        try (JMXConnector c = JMXConnectorFactory.connect(url)) {
            return List.of((String[]) c.getMBeanServerConnection().getAttribute(new ObjectName("circus:type=Arbiter"),
                    "TakenOver"));
        }
    }

    private static Set<Long> recorded(Path state) {
        try {
            PreviousLife life = PreviousLife.read(state);
            return life == null ? Set.of() : life.processes().stream().map(ProcessRecord::pid).collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }

    private static long startTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19]);
    }

    /** Alive and not a zombie (a zombie of ours would still answer isAlive). */
    private static boolean alive(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
