package io.circus.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.jmx.CircusNames;
import io.circus.testing.Await;
import io.circus.zmq.client.CircusClient;
import io.circus.zmq.client.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code [plugin:NAME]} sections run in the daemon: each plugin is an MBean, appears in list, status
 * and stats as Circus shows {@code plugin:NAME}, follows reloadconfig, is refused with a precise error
 * when it cannot run, and cannot take the daemon down by throwing or hanging.
 */
@org.junit.jupiter.api.extension.ExtendWith(HangDump.class)
class PluginFrameworkTest {

    private static final String FLAP = """
            [watcher:web]
            cmd = sleep 3600

            [plugin:flap]
            use = circus.plugins.flapping.Flapping
            attempts = 3
            """;

    @TempDir
    Path dir;

    @Test
    void aPluginIsAnMBeanAndAWatcherNamedPluginColonName() throws Exception {
        try (ZmqDaemon d = ZmqDaemon.fromIni(dir, FLAP); CircusClient circus = d.client()) {
            ObjectName bean = CircusNames.plugin("flap");
            assertEquals("active", d.attr(bean, "State"));
            assertEquals(true, d.attr(bean, "Active"));
            assertEquals("io.circus.plugin.builtin.Flapping", d.attr(bean, "Implementation"));
            @SuppressWarnings("unchecked")
            Map<String, String> options = (Map<String, String>) javax.management.JMX
                    .newMXBeanProxy(d.server, bean, io.circus.jmx.PluginMXBean.class).getOptions();
            assertEquals("3", options.get("attempts"));

            MBeanInfo info = d.server.getMBeanInfo(bean);
            for (MBeanOperationInfo op : info.getOperations()) {
                assertEquals(MBeanOperationInfo.ACTION, op.getImpact(), op.getName());
                assertFalse(op.getDescription().isBlank() || op.getDescription().equals(op.getName()), op.getName());
            }
            assertTrue(info.getNotifications().length >= 2, "acted and failed notifications are declared");

            assertEquals(List.of("plugin:flap", "web"), texts(circus.call("list").get("watchers")));
            assertEquals(List.of("flap"), List.of((String[]) d.attr(CircusNames.ARBITER, "PluginNames")),
                    "the Arbiter names its plugins: what list and status read");
            Reply status = circus.call("status");
            assertEquals("active", status.get("statuses").get("plugin:flap").asText(), status.toString());
            assertEquals("active", circus.call("status", Map.of("name", "plugin:flap")).status());
            Reply stats = circus.call("stats");
            assertTrue(stats.get("infos").has("plugin:flap"), stats.toString());
            assertEquals(0, stats.get("infos").get("plugin:flap").size(), "a plugin has no process of its own");

            d.server.invoke(bean, "disable", new Object[0], new String[0]);
            assertEquals("disabled", d.attr(bean, "State"));
            assertEquals(false, d.attr(bean, "Active"));
            assertEquals("stopped", circus.call("status").get("statuses").get("plugin:flap").asText());
            d.server.invoke(bean, "enable", new Object[0], new String[0]);
            Await.until("enabled again", () -> "active".equals(d.attr(bean, "State")));
        }
    }

    @Test
    void reloadconfigAddsReconfiguresAndRemovesPluginsAndNamesThem() throws Exception {
        try (ZmqDaemon d = ZmqDaemon.fromIni(dir, FLAP); CircusClient circus = d.client()) {
            ZmqDaemon.writeIni(dir, FLAP.replace("attempts = 3", "attempts = 4") + """

                    [plugin:flap2]
                    use = circus.plugins.flapping.Flapping
                    """);
            io.circus.runtime.ConfigDiff diff = reload(d);
            assertEquals(List.of("plugin:flap2"), diff.added(), diff.toString());
            assertEquals(List.of("plugin:flap"), diff.restarted(), diff.toString());
            Await.until("flap2 registered", () -> d.server.isRegistered(CircusNames.plugin("flap2")));
            Await.until("flap reconfigured", () -> d.server.isRegistered(CircusNames.plugin("flap"))
                    && "4".equals(proxy(d, "flap").getOptions().get("attempts")));
            Await.until("both active", () -> "active".equals(d.attr(CircusNames.plugin("flap2"), "State"))
                    && "active".equals(d.attr(CircusNames.plugin("flap"), "State")));
            assertEquals(List.of("plugin:flap", "plugin:flap2", "web"), texts(circus.call("list").get("watchers")));
            assertTrue(reload(d).unchanged().containsAll(List.of("plugin:flap", "plugin:flap2")));

            ZmqDaemon.writeIni(dir, """
                    [watcher:web]
                    cmd = sleep 3600
                    """);
            Reply removed = circus.call("reloadconfig", Map.of("waiting", true));
            assertEquals("ok", removed.status(), removed.toString());
            Await.until("both unregistered", () -> d.server.queryNames(CircusNames.PLUGINS, null).isEmpty());
            assertEquals(List.of("web"), texts(circus.call("list").get("watchers")));
        }
    }

    @Test
    void sectionsThatCannotRunAreRefusedWithTheSectionTheValueAndWhatToWrite() throws Exception {
        assertRefused("use = circus.plugins.nope.Nope", "[plugin:bad] use = circus.plugins.nope.Nope: unknown Circus "
                + "plugin; the built-in ones are circus.plugins._statsd.StatsdEmitter, ");
        assertRefused("use = circus.plugins.nope.Nope", " circus.plugins.flapping.Flapping, ");
        assertRefused("use = circus.plugins.redis_observer.RedisObserver", "Redis client");
        assertRefused("use = com.example.Missing", "class com.example.Missing is not found on the extension path");
        assertRefused("use = java.lang.String", "does not implement io.circus.plugin.Plugin");
        assertRefused("use = circus.plugins.flapping.Flapping\nattempts = many",
                "[plugin:bad] attempts = many: expected an integer");
        assertRefused("use = circus.plugins.flapping.Flapping\nactive = perhaps", "[plugin:bad] active = perhaps");

        // At reloadconfig: refused, and nothing changes.
        try (ZmqDaemon d = ZmqDaemon.fromIni(dir, FLAP); CircusClient circus = d.client()) {
            ZmqDaemon.writeIni(dir, FLAP.replace("circus.plugins.flapping.Flapping", "circus.plugins.nope.Nope"));
            Reply r = circus.call("reloadconfig", Map.of("waiting", true));
            assertTrue(r.isError() && r.reason().contains("[plugin:flap] use = circus.plugins.nope.Nope"), r.toString());
            assertEquals("active", d.attr(CircusNames.plugin("flap"), "State"), "the running plugin is untouched");
            assertEquals("circus.plugins.flapping.Flapping", d.attr(CircusNames.plugin("flap"), "Use"));
        }
    }

    private void assertRefused(String body, String expected) {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> ZmqDaemon.fromIni(dir, "[plugin:bad]\n" + body + "\n").close());
        assertTrue(e.getMessage().contains(expected), "'" + expected + "' in: " + e.getMessage());
    }

    @Test
    void aPluginThatThrowsOrHangsIsCountedAndRestartedWhileTheDaemonServes() throws Exception {
        String sections = """
                [watcher:web]
                cmd = sleep 3600

                [plugin:thrower]
                use = io.circus.zmq.testplugins.ThrowingPlugin

                [plugin:hanger]
                use = io.circus.zmq.testplugins.HangingPlugin
                hang_timeout = 1
                """;
        try (ZmqDaemon d = ZmqDaemon.fromIni(dir, sections); CircusClient circus = d.client()) {
            for (int i = 0; i < 6; i++) {
                long t0 = System.nanoTime();
                assertEquals("ok", circus.call("incr", Map.of("name", "web", "waiting", true)).status());
                assertEquals("ok", circus.call("decr", Map.of("name", "web", "waiting", true)).status());
                assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos(), "commands are not held up");
            }
            ObjectName thrower = CircusNames.plugin("thrower");
            Await.until("the thrower's errors counted", () -> (Long) d.attr(thrower, "Errors") >= 5);
            assertTrue(((String) d.attr(thrower, "LastError")).contains("boom on watcher.web."),
                    (String) d.attr(thrower, "LastError"));
            Await.until("the thrower restarted after its back-off", Duration.ofSeconds(20),
                    () -> (Long) d.attr(thrower, "FailureRestarts") >= 1);

            ObjectName hanger = CircusNames.plugin("hanger");
            Await.until("the hang noticed", Duration.ofSeconds(20),
                    () -> ((String) d.attr(hanger, "LastError")).contains("hung in onEvent"));
            assertTrue((Long) d.attr(hanger, "Errors") >= 1);
            Await.until("the hanger restarted", Duration.ofSeconds(20),
                    () -> (Long) d.attr(hanger, "FailureRestarts") >= 1);
            assertEquals("ok", circus.call("status").status(), "the daemon still answers");
        }
    }

    private static io.circus.jmx.PluginMXBean proxy(ZmqDaemon d, String name) {
        return javax.management.JMX.newMXBeanProxy(d.server, CircusNames.plugin(name), io.circus.jmx.PluginMXBean.class);
    }

    private static io.circus.runtime.ConfigDiff reload(ZmqDaemon d) throws Exception {
        return diffOf((javax.management.openmbean.CompositeData) d.server.invoke(CircusNames.ARBITER, "reloadConfig",
                new Object[]{true}, new String[]{"boolean"}));
    }

    private static io.circus.runtime.ConfigDiff diffOf(javax.management.openmbean.CompositeData c) {
        return new io.circus.runtime.ConfigDiff(list(c, "added"), list(c, "removed"), list(c, "restarted"),
                list(c, "updated"), list(c, "unchanged"), list(c, "needsDaemonRestart"));
    }

    private static List<String> list(javax.management.openmbean.CompositeData c, String key) {
        return List.of((String[]) c.get(key));
    }

    private static List<String> texts(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
