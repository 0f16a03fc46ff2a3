package io.circus.jmx;

import static io.circus.testing.TestChildren.sleepers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.circus.config.CircusConfig;
import io.circus.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.management.Attribute;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jmx_password_file and jmx_access_file: the JDK's readonly / readwrite roles. */
class SecurityTest {

    @TempDir
    Path dir;

    private ManagedArbiter secured(String user, String password) throws IOException {
        Path passwords = Files.writeString(dir.resolve("jmx.password"), "monitor monitor-pw\ncontrol control-pw\n");
        // The JDK's agent and circusd refuse a password file that others can read.
        Files.setPosixFilePermissions(passwords, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path access = Files.writeString(dir.resolve("jmx.access"), "monitor readonly\ncontrol readwrite\n");
        CircusConfig config = CircusConfig.of(List.of(sleepers("sleepers", 1).build()));
        return ManagedArbiter.create(config, () -> config,
                ManagedArbiter.remote(FreePorts.loopback(), passwords.toString(), access.toString()),
                user == null ? null : Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
    }

    @Test
    void aReadOnlyUserReadsButCannotAct() throws Exception {
        try (ManagedArbiter m = secured("monitor", "monitor-pw")) {
            assertEquals(1, m.mbsc.getAttribute(CircusNames.watcher("sleepers"), "NumProcesses"));
            assertThrows(SecurityException.class, () -> m.mbsc.invoke(CircusNames.watcher("sleepers"), "incr",
                    new Object[] {1, true}, new String[] {"int", "boolean"}));
            assertThrows(SecurityException.class, () -> m.mbsc.setAttribute(CircusNames.watcher("sleepers"),
                    new Attribute("NumProcesses", 2)));
            assertThrows(SecurityException.class, () -> m.mbsc.invoke(CircusNames.ARBITER, "quit",
                    new Object[] {true}, new String[] {"boolean"}));
            assertEquals("stopped", m.mbsc.getAttribute(CircusNames.watcher("sleepers"), "State"));
        }
    }

    @Test
    void aReadWriteUserActs() throws Exception {
        try (ManagedArbiter m = secured("control", "control-pw")) {
            m.mbsc.invoke(CircusNames.watcher("sleepers"), "start", new Object[] {true}, new String[] {"boolean"});
            assertEquals("active", m.mbsc.getAttribute(CircusNames.watcher("sleepers"), "State"));
        }
    }

    @Test
    void aWrongPasswordOrNoCredentialsAreRefused() throws Exception {
        try (ManagedArbiter m = secured(null, null)) {
            var url = m.handle.serviceUrl().orElseThrow();
            assertThrows(SecurityException.class, () -> JMXConnectorFactory.connect(url,
                    Map.of(JMXConnector.CREDENTIALS, new String[] {"control", "wrong"})).close());
            assertThrows(SecurityException.class, () -> JMXConnectorFactory.connect(url).close());
        }
    }
}
