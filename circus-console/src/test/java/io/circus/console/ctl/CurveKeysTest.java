package io.circus.console.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.SecuritySettings;
import io.circus.testing.TestChildren;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code circusctl keygen} writes key files a daemon and circusctl then use: the secret file is
 * 0600, an existing file is never overwritten, and circusctl with the right keys (options or
 * environment) is served by a daemon that requires CURVE while circusctl without them times out.
 */
class CurveKeysTest {

    @TempDir
    Path dir;

    @Test
    void keygenWritesTheFilesACurveDaemonAndCircusctlUse() throws Exception {
        assertEquals(0, CommandLineInterfaceTest.run("keygen", "server", dir.toString()).status());
        var client = CommandLineInterfaceTest.run("keygen", "client", dir.toString());
        assertEquals(0, client.status());
        assertTrue(client.out().contains("client.key_secret"), client.out());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("client.key_secret"))));
        assertTrue(Files.readString(dir.resolve("client.key")).contains("public-key = \""));
        assertTrue(!Files.readString(dir.resolve("client.key")).contains("secret-key"));
        var again = CommandLineInterfaceTest.run("keygen", "client", dir.toString());
        assertEquals(1, again.status());
        assertTrue(again.err().contains("never overwritten"), again.err());

        Path authorised = Files.createDirectory(dir.resolve("clients"));
        Files.copy(dir.resolve("client.key"), authorised.resolve("client.key"));
        SecuritySettings curve = new SecuritySettings(dir.resolve("server.key_secret").toString(),
                authorised.toString(), true, null, false);
        try (CtlDaemon d = new CtlDaemon(List.of(TestChildren.sleepers("sleepers", 1).build()),
                MBeanServerFactory.newMBeanServer(), curve)) {
            String endpoint = d.zmq.controlEndpoint();
            var withOptions = CommandLineInterfaceTest.run("--endpoint", endpoint, "--curve-key",
                    dir.resolve("client.key_secret").toString(), "--server-key", dir.resolve("server.key").toString(),
                    "list");
            assertEquals(0, withOptions.status(), withOptions.err());
            assertEquals("sleepers", withOptions.out().strip());
            var withEnv = CommandLineInterfaceTest.run(Map.of("CIRCUSCTL_CURVE_KEY", dir.resolve("client.key_secret").toString(),
                    "CIRCUSCTL_SERVER_KEY", dir.resolve("server.key").toString()), "--endpoint", endpoint, "list");
            assertEquals(0, withEnv.status(), withEnv.err());
            var without = CommandLineInterfaceTest.run("--endpoint", endpoint, "--timeout", "2", "list");
            assertTrue(without.status() != 0, "a client without keys is not served: " + without.out());
            var half = CommandLineInterfaceTest.run("--endpoint", endpoint, "--curve-key",
                    dir.resolve("client.key_secret").toString(), "list");
            assertEquals(2, half.status());
            assertTrue(half.err().contains("--server-key"), half.err());
        }
    }
}
