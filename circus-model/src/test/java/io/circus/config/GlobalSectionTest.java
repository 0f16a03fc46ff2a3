package io.circus.config;

import static io.circus.config.IniFixture.assertWarning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** [circus]: every option's conversion and default, our JMX additions, and globaloptions. */
class GlobalSectionTest {

    @TempDir
    Path tmp;

    @Test
    void defaultsWithoutACircusSection() throws Exception {
        CircusConfig c = new IniFixture(tmp).loadLines("[watcher:w]", "cmd = x");
        assertEquals(GlobalSettings.defaults(), c.global());
        assertEquals(Duration.ofSeconds(5), c.global().checkDelay());
        assertNull(c.global().statsEndpoint());
        assertTrue(c.warnings().isEmpty(), c.warnings().toString());
    }

    @Test
    void everyCircusOption() throws Exception {
        GlobalSettings g = new IniFixture(tmp).loadLines(
                "[circus]",
                "check_delay = 10.5",
                "endpoint = ipc:///run/circus/control",
                "endpoint_owner = circus",
                "pubsub_endpoint = tcp://127.0.0.1:6556",
                "multicast_endpoint =",
                "statsd = yes",
                "umask = 027",
                "warmup_delay = 2",
                "httpd_host = 0.0.0.0",
                "httpd_port = 9090",
                "debug = on",
                "debug_gc = false",
                "pidfile = /run/circusd.pid",
                "loglevel = DEBUG",
                "logoutput = syslog:///dev/log?local0",
                "loggerconfig = /etc/circus/logging.yaml",
                "fqdn_prefix = prod",
                "jmx_port = 9010",
                "jmx_host = 0.0.0.0",
                "jmx_password_file = /etc/circus/jmx.password",
                "jmx_access_file = /etc/circus/jmx.access",
                "jmx_ssl = true",
                "stats_interval = 0.5").global();
        assertEquals(GlobalSettings.builder().checkDelay(Duration.ofMillis(10_500))
                .endpoint("ipc:///run/circus/control").endpointOwner("circus").pubsubEndpoint("tcp://127.0.0.1:6556")
                .multicastEndpoint("").statsEndpoint(GlobalOptions.DEFAULT_STATS_ENDPOINT).statsd(true)
                .statsInterval(Duration.ofMillis(500)).umask(027).warmupDelay(Duration.ofSeconds(2)).httpd(false)
                .httpdHost("0.0.0.0").httpdPort(9090).debug(true).pidfile("/run/circusd.pid").loglevel("debug")
                .logoutput("syslog:///dev/log?local0").loggerconfig("/etc/circus/logging.yaml").fqdnPrefix("prod")
                .jmxPort(9010).jmxHost("0.0.0.0").jmxPasswordFile("/etc/circus/jmx.password")
                .jmxAccessFile("/etc/circus/jmx.access").jmxSsl(true).build(), g);
    }

    @Test
    void umaskIsOctalAndZeroIsKept() throws Exception {
        assertEquals(0, new IniFixture(tmp).loadLines("[circus]", "umask = 0").global().umask());
        assertEquals(022, new IniFixture(tmp).loadLines("[circus]", "umask = 0o22").global().umask());
        assertEquals(-1, new IniFixture(tmp).loadLines("[circus]", "umask =").global().umask());
    }

    @Test
    void checkDelayMayBeZeroOrNegative() throws Exception {
        assertEquals(Duration.ofSeconds(-1), new IniFixture(tmp).loadLines("[circus]", "check_delay = -1")
                .global().checkDelay());
    }

    @Test
    void statsEndpointTurnsStatsdOnAsCircusDoes() throws Exception {
        CircusConfig c = new IniFixture(tmp).loadLines("[circus]", "stats_endpoint = tcp://127.0.0.1:7000");
        assertTrue(c.global().statsd());
        assertEquals("tcp://127.0.0.1:7000", c.global().statsEndpoint());
        assertWarning(c, "[circus] stats_endpoint", "statsd is turned on");
    }

    @Test
    void unknownAndNoEffectKeysAreWarnings() throws Exception {
        CircusConfig c = new IniFixture(tmp).loadLines("[circus]", "chek_delay = 3", "stream_backend = gevent",
                "httpd = true", "debug_gc = true", "color = blue");
        assertEquals(Duration.ofSeconds(5), c.global().checkDelay());
        assertTrue(c.global().httpd());
        assertWarning(c, "circus.ini: [circus] chek_delay: line 2: unknown option, ignored; did you mean 'check_delay'?");
        assertWarning(c, "[circus] stream_backend: line 3", "no effect");
        assertWarning(c, "[circus] debug_gc: line 5", "no effect");
        assertWarning(c, "[circus] color: line 6: unknown option, ignored");
    }

    @Test
    void httpOptions() throws Exception {
        CircusConfig c = new IniFixture(tmp).loadLines("[circus]", "httpd = true", "prometheus_endpoint = 127.0.0.1:9102",
                "httpd_password_file = /etc/circus/http.password");
        assertTrue(c.global().httpd());
        assertEquals("127.0.0.1:9102", c.global().prometheusEndpoint());
        assertEquals("/etc/circus/http.password", c.global().httpdPasswordFile());
        assertTrue(c.warnings().isEmpty(), c.warnings().toString());
        ConfigException bad = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> new IniFixture(tmp).loadLines("[circus]", "prometheus_endpoint = 9102"));
        assertTrue(bad.getMessage().contains("[circus] prometheus_endpoint = '9102': line 2: expected host:port"),
                bad.getMessage());
    }

    @Test
    void extensionPathIsRelativeToTheFileAndEachEntryIsChecked() throws Exception {
        java.nio.file.Files.createDirectories(tmp.resolve("conf/hooks"));
        IniFixture ini = new IniFixture(tmp);
        ini.write("conf/circus.ini", "[circus]", "extension_path = hooks");
        assertEquals(List.of(tmp.resolve("conf/hooks")), ini.load("conf/circus.ini").global().extensionPath());
        assertEquals(List.of(), ini.loadLines("[circus]").global().extensionPath());
        assertEquals(GlobalSettings.DEFAULT_HOOK_TIMEOUT, ini.loadLines("[circus]").global().hookTimeout());
        assertEquals(Duration.ofMillis(2500), ini.loadLines("[circus]", "hook_timeout = 2.5").global().hookTimeout());
        assertTrue(ini.failLines("[circus]", "hook_timeout = 0").getMessage().contains("hook_timeout = '0'"));
        ConfigException bad = ini.failLines("[circus]", "extension_path = conf/hooks:lib/missing.jar");
        assertEquals(tmp.resolve("circus.ini") + ": [circus] extension_path = 'conf/hooks:lib/missing.jar': "
                + "line 2: entry 'lib/missing.jar' (" + tmp.resolve("lib/missing.jar") + ") does not exist",
                bad.getMessage());
    }

    @Test
    void globalOptionsReply() {
        GlobalSettings g = GlobalSettings.defaults();
        Map<String, Object> options = GlobalOptions.toOptions(g);
        assertEquals(List.of("endpoint", "stats_endpoint", "pubsub_endpoint", "check_delay", "multicast_endpoint"),
                List.copyOf(options.keySet()));
        assertEquals("tcp://127.0.0.1:5555", options.get("endpoint"));
        assertEquals("tcp://127.0.0.1:5557", options.get("stats_endpoint"));
        assertEquals("tcp://127.0.0.1:5556", options.get("pubsub_endpoint"));
        assertEquals(5.0, options.get("check_delay"));
        assertEquals("udp://237.219.251.97:12027", options.get("multicast_endpoint"));
        assertEquals(options.keySet(), GlobalOptions.knownKeys());
        assertFalse(GlobalOptions.knownKeys().contains("jmx_port"));
    }
}
