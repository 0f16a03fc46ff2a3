package io.circus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The security options of [circus] (docs/security.md): values, defaults, and a half-set CURVE. */
class SecurityOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void defaultsAreLoopbackTrustedUsersNoCurve() throws Exception {
        GlobalSettings g = new IniFixture(tmp).loadLines("[circus]", "check_delay = 5").global();
        assertEquals(SecuritySettings.defaults(), g.security());
    }

    @Test
    void everySecurityOption() throws Exception {
        CircusConfig c = new IniFixture(tmp).loadLines(
                "[circus]",
                "curve_server_key = /etc/circus/server.key_secret",
                "curve_authorized_keys = /etc/circus/clients",
                "curve_pubsub = false",
                "trusted_group = circusadm",
                "insecure_open_endpoints = true");
        assertEquals(new SecuritySettings("/etc/circus/server.key_secret", "/etc/circus/clients", false, "circusadm", true),
                c.global().security());
        assertTrue(c.warnings().isEmpty(), c.warnings().toString());
    }

    @Test
    void curveWithOneKeySettingIsAnErrorNamingIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> new IniFixture(tmp).loadLines(
                "[circus]", "curve_server_key = /etc/circus/server.key_secret"));
        assertTrue(e.getMessage().contains("curve_server_key") && e.getMessage().contains("curve_authorized_keys"),
                e.getMessage());
        ConfigException bool = assertThrows(ConfigException.class, () -> new IniFixture(tmp).loadLines(
                "[circus]", "insecure_open_endpoints = perhaps"));
        assertTrue(bool.getMessage().contains("insecure_open_endpoints"), bool.getMessage());
    }
}
