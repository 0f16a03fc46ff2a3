package io.circus.plugin.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.CircusConfig;
import io.circus.config.PluginConfig;
import io.circus.config.WatcherConfig;
import io.circus.jmx.CircusManagement;
import io.circus.jmx.CircusNames;
import io.circus.jmx.ManagementHandle;
import io.circus.jmx.PluginMXBean;
import io.circus.jmx.WatcherMXBean;
import io.circus.plugin.BuiltInPlugins;
import io.circus.runtime.core.ArbiterCore;
import io.circus.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.Test;

/** The Circus names of the built-ins reach these classes, and the daemon's plugin host runs them. */
class BuiltInRegistrationTest {

    @Test
    void everyCircusNameOfThisPackageResolves() {
        Map<String, Class<?>> expected = Map.of(
                "circus.plugins.watchdog.WatchDog", WatchDog.class,
                "circus.plugins.resource_watcher.ResourceWatcher", ResourceWatcher.class,
                "circus.plugins.statsd.StatsdEmitter", StatsdEmitter.class,
                "circus.plugins._statsd.StatsdEmitter", StatsdEmitter.class,
                "circus.plugins.statsd.FullStats", FullStats.class,
                "circus.plugins.http_observer.HttpObserver", HttpObserver.class,
                "circus.plugins.command_reloader.CommandReloader", CommandReloader.class);
        expected.forEach((name, type) -> assertEquals(type, BuiltInPlugins.lookup(name).orElseThrow(), name));
        assertTrue(BuiltInPlugins.lookup("circus.plugins.redis_observer.RedisObserver").isEmpty());
        assertTrue(BuiltInPlugins.refusal("circus.plugins.redis_observer.RedisObserver").orElseThrow().contains("Redis client"));
    }

    @Test
    void aConfiguredStatsdEmitterRunsInTheDaemon() throws Exception {
        try (StatsdReceiver statsd = new StatsdReceiver()) {
            WatcherConfig web = WatcherConfig.builder("web", "sleep").args("3600").gracefulTimeout(Duration.ofSeconds(5)).build();
            PluginConfig plugin = new PluginConfig("statsd", "circus.plugins.statsd.StatsdEmitter", 1,
                    Map.of("use", "circus.plugins.statsd.StatsdEmitter", "host", "127.0.0.1",
                            "port", String.valueOf(statsd.port())));
            CircusConfig config = CircusConfig.builder().watchers(List.of(web)).plugins(List.of(plugin)).build();
            MBeanServer server = MBeanServerFactory.newMBeanServer();
            ArbiterCore arbiter = ArbiterCore.builder(config).build();
            ManagementHandle handle = CircusManagement.builder(arbiter).server(server).start();
            try {
                arbiter.start().join();
                JMX.newMXBeanProxy(server, CircusNames.watcher("web"), WatcherMXBean.class).incr(1, true);
                Await.until("the spawn counted", Duration.ofSeconds(60),
                        () -> statsd.lines.contains("circus.app.watcher.web.spawn:1|c"));
                PluginMXBean bean = JMX.newMXBeanProxy(server, CircusNames.plugin("statsd"), PluginMXBean.class);
                assertTrue(bean.getChecks() > 0, "checks: " + bean.getChecks());
            } finally {
                try {
                    arbiter.quit().get(60, TimeUnit.SECONDS);
                } finally {
                    handle.close();
                }
            }
        }
    }
}
