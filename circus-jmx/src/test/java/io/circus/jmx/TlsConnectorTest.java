package io.circus.jmx;

import static io.circus.testing.TestChildren.sleepers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.circus.config.CircusConfig;
import io.circus.testing.FreePorts;
import io.circus.testing.TestChildren;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jmx_ssl: registry and connector speak TLS on the one port. */
class TlsConnectorTest {

    @TempDir
    Path dir;

    @Test
    void aTlsClientConnectsAndAPlainOneCannot() throws Exception {
        SSLContext tls = selfSigned();
        SSLContext previous = SSLContext.getDefault();
        // SslRMIClientSocketFactory uses the default context: the test client trusts our certificate.
        SSLContext.setDefault(tls);
        CircusConfig config = CircusConfig.of(List.of(sleepers("sleepers", 1).build()));
        ManagedArbiter m = null;
        try {
            int port = FreePorts.loopback();
            m = ManagedArbiter.create(config, () -> config, ManagedArbiter.jmx(port, null, null, true), null);
            var url = m.handle.serviceUrl().orElseThrow();
            assertThrows(IOException.class, () -> JMXConnectorFactory.connect(url).close(), "plain RMI is refused");
            try (JMXConnector c = JMXConnectorFactory.connect(url,
                    Map.of("com.sun.jndi.rmi.factory.socket", new SslRMIClientSocketFactory()))) {
                assertEquals("stopped", c.getMBeanServerConnection().getAttribute(CircusNames.watcher("sleepers"), "State"));
            }
        } finally {
            if (m != null) {
                m.close();
            }
            SSLContext.setDefault(previous);
        }
    }

    /** A throw-away key pair for 127.0.0.1, made with the JDK's keytool. */
    private SSLContext selfSigned() throws Exception {
        Path store = dir.resolve("server.p12");
        Path keytool = Path.of(TestChildren.java()).resolveSibling("keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "circus", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, p.waitFor(), "keytool failed");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }
}
