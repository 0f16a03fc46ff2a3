package io.circus.jmx.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.CircusConfig;
import io.circus.config.GlobalSettings;
import io.circus.config.WatcherConfig;
import io.circus.daemon.EmbeddedDaemon;
import io.circus.daemon.FacadeStartException;
import io.circus.jmx.CircusManagement;
import io.circus.jmx.CircusNames;
import io.circus.jmx.ManagementHandle;
import io.circus.jmx.audit.AuditTrail;
import io.circus.testing.Await;
import io.circus.testing.Daemons;
import io.circus.testing.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JMX connector's rules (docs/security.md) with real RMI clients: an unsafe configuration does
 * not start; the monitor role reads and calls INFO operations only, the control role acts, nobody
 * creates or unregisters beans; a deserialization payload and an unauthenticated call are refused;
 * on loopback without a password a JMX client run as {@code nobody} is refused and one run as this
 * user is served; what a principal does is in the audit trail under its name.
 */
class ConnectorSecurityTest {

    @TempDir
    Path dir;

    @Test
    void aPasswordFileOthersCanReadIsRefused() throws IOException {
        Path passwords = Files.writeString(dir.resolve("jmx.password"), "control control-pw\n");
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-r--r--"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> start(settings("127.0.0.1", passwords, null, false)).close());
        assertTrue(e.getMessage().contains("jmx_password_file") && e.getMessage().contains("chmod 600"), e.getMessage());
    }

    @Test
    void beyondLoopbackWithoutPasswordAndAccessFilesIsRefused() throws IOException {
        Path passwords = ownerOnly("control control-pw\n");
        for (Path p : new Path[] {null, passwords}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> start(settings("0.0.0.0", p, null, false)).close());
            assertTrue(e.getMessage().contains("jmx_password_file and jmx_access_file")
                    && e.getMessage().contains("insecure_open_endpoints = true"), e.getMessage());
        }
    }

    @Test
    void monitorReadsControlActsNobodyRegisters() throws Exception {
        try (Daemon d = secured()) {
            try (JMXConnector c = connect(d, "watcher", "watcher-pw")) {
                MBeanServerConnection m = c.getMBeanServerConnection();
                assertEquals(1, m.getAttribute(CircusNames.ARBITER, "NumWatchers"));
                assertNotNull(m.invoke(CircusNames.ARBITER, "stats", new Object[0], new String[0]), "INFO operation");
                SecurityException e = assertThrows(SecurityException.class, () -> m.invoke(CircusNames.watcher("w"),
                        "incr", new Object[] {1, true}, new String[] {"int", "boolean"}));
                assertTrue(e.getMessage().contains("control role"), e.getMessage());
                assertThrows(SecurityException.class, () -> m.invoke(new ObjectName("java.lang:type=Memory"), "gc",
                        new Object[0], new String[0]));
            }
            try (JMXConnector c = connect(d, "admin", "admin-pw")) {
                MBeanServerConnection m = c.getMBeanServerConnection();
                List<Notification> audit = new CopyOnWriteArrayList<>();
                m.addNotificationListener(AuditTrail.NAME, (n, h) -> audit.add(n), null, null);
                m.invoke(CircusNames.watcher("w"), "incr", new Object[] {1, true}, new String[] {"int", "boolean"});
                assertEquals(1, m.getAttribute(CircusNames.watcher("w"), "NumProcesses"));
                assertThrows(SecurityException.class, () -> m.unregisterMBean(CircusNames.watcher("w")));
                assertThrows(SecurityException.class, () -> m.createMBean("javax.management.timer.Timer",
                        new ObjectName("x:type=Timer")));
                Await.until("the incr in the audit trail", () -> !audit.isEmpty());
                CompositeData entry = (CompositeData) audit.getFirst().getUserData();
                assertEquals("jmx admin@127.0.0.1", entry.get("caller"));
                assertTrue(((String) entry.get("operation")).startsWith("incr(1, true)"), entry.toString());
            }
            try (JMXConnector c = connect(d, "stranger", "stranger-pw")) {
                assertThrows(SecurityException.class,
                        () -> c.getMBeanServerConnection().getAttribute(CircusNames.ARBITER, "NumWatchers"));
            }
        }
    }

    @Test
    void aDeserializationPayloadAndAnUnauthenticatedCallAreRefused() throws Exception {
        try (Daemon d = secured()) {
            JMXServiceURL url = d.handle.serviceUrl().orElseThrow();
            assertThrows(SecurityException.class, () -> JMXConnectorFactory.connect(url).close());
            // A login whose credentials are not strings is a classic payload carrier.
            Exception login = assertThrows(Exception.class, () -> JMXConnectorFactory.connect(url,
                    Map.of(JMXConnector.CREDENTIALS, new Object[] {new Boom()})).close());
            assertEquals(0, Boom.DESERIALIZED.get(), "payload deserialized at login: " + login);
            try (JMXConnector c = connect(d, "admin", "admin-pw")) {
                MBeanServerConnection m = c.getMBeanServerConnection();
                Exception call = assertThrows(Exception.class, () -> m.invoke(CircusNames.ARBITER, "matchWatchers",
                        new Object[] {new Boom()}, new String[] {String.class.getName()}));
                assertEquals(0, Boom.DESERIALIZED.get(), "payload deserialized in a call: " + call);
                assertEquals(1, m.getAttribute(CircusNames.ARBITER, "NumWatchers"), "the connector still serves");
            }
        }
    }

    @Test
    void onLoopbackWithoutPasswordNobodyIsRefusedAndThisUserIsServed() throws Exception {
        boolean can = Files.isExecutable(Path.of("/usr/bin/setpriv")) && isRoot();
        io.circus.testing.Requirements.require(can, "root and /usr/bin/setpriv, to run a client as nobody");
        try (Daemon d = start(settings("127.0.0.1", null, null, false))) {
            String url = d.handle.serviceUrl().orElseThrow().toString();
            assertEquals("OK 1", probe(url, false));
            String nobody = probe(url, true);
            assertTrue(nobody.startsWith("REFUSED"), nobody);
            assertEquals("OK 1", probe(url, false), "still serving");
        }
    }

    private static String probe(String url, boolean asNobody) throws Exception {
        Path classes = Path.of(JmxProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> cmd = new ArrayList<>();
        if (asNobody) {
            cmd.addAll(List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
                "-XX:TieredStopAtLevel=1", "-cp", classes.toString(), JmxProbe.class.getName(), url));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).directory(new java.io.File("/"))
                .start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe did not exit");
            return out;
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean isRoot() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .anyMatch(l -> l.startsWith("Uid:") && l.substring(4).trim().split("\\s+")[1].equals("0"));
    }

    private Daemon secured() throws IOException {
        Path passwords = ownerOnly("watcher watcher-pw\nadmin admin-pw\nstranger stranger-pw\n");
        Path access = Files.writeString(dir.resolve("jmx.access"), "watcher monitor\nadmin control\n");
        return start(settings("127.0.0.1", passwords, access, false));
    }

    private Path ownerOnly(String content) throws IOException {
        Path p = Files.writeString(dir.resolve("jmx.password"), content);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        return p;
    }

    private static JMXConnector connect(Daemon d, String user, String password) throws IOException {
        return JMXConnectorFactory.connect(d.handle.serviceUrl().orElseThrow(),
                Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
    }

    private static GlobalSettings settings(String host, Path passwords, Path access, boolean ssl) {
        return GlobalSettings.builder().jmxPort(FreePorts.loopback()).jmxHost(host)
                .jmxPasswordFile(passwords == null ? null : passwords.toString())
                .jmxAccessFile(access == null ? null : access.toString()).jmxSsl(ssl).build();
    }

    /** A started daemon with only the JMX facade, on these settings. */
    private static Daemon start(GlobalSettings g) {
        CircusConfig config = CircusConfig.of(List.of(WatcherConfig.builder("w", "sleep").args("3600")
                .numProcesses(0).build()));
        try {
            return new Daemon(EmbeddedDaemon.builder(config).closeTimeout(Duration.ofSeconds(60))
                    .facade(CircusManagement.facade(b -> b.settings(g).operationTimeout(Duration.ofSeconds(60))))
                    .start(Duration.ofSeconds(30)));
        } catch (FacadeStartException e) {
            throw e.getCause(); // as CircusManagement refused it
        }
    }

    /** The handle and its daemon; closing quits the arbiter (its children die), then the handle. */
    private static final class Daemon implements AutoCloseable {
        final ManagementHandle handle;
        final EmbeddedDaemon daemon;

        Daemon(EmbeddedDaemon daemon) {
            this.daemon = daemon;
            this.handle = daemon.facade(ManagementHandle.class).orElseThrow();
        }

        @Override
        public void close() {
            Daemons.close(daemon);
        }
    }
}
