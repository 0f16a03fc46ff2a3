package io.circus.zmq.bench;

import io.circus.config.CircusConfig;
import io.circus.config.GlobalSettings;
import io.circus.config.WatcherConfig;
import io.circus.jmx.CircusManagement;
import io.circus.jmx.ManagementHandle;
import io.circus.runtime.core.ArbiterCore;
import io.circus.zmq.ZmqFacade;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A stand-in daemon for {@link ControlBenchmark} until the launcher wires the facade: a watcher of
 * {@code sleep} processes, the JMX beans on the platform MBeanServer, the ZeroMQ channels. Runs
 * until its standard input closes, then quits the arbiter.
 *
 * <pre>java -cp ... io.circus.zmq.bench.BenchDaemon tcp://127.0.0.1:15555 1000</pre>
 */
public final class BenchDaemon {

    private BenchDaemon() {
    }

    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        int n = Integer.parseInt(args[1]);
        GlobalSettings d = GlobalSettings.defaults();
        GlobalSettings g = new GlobalSettings(d.checkDelay(), endpoint, null, "tcp://127.0.0.1:*",
                d.multicastEndpoint(), null, false, d.statsInterval(), d.umask(), d.warmupDelay(), d.httpd(),
                d.httpdHost(), d.httpdPort(), d.debug(), d.pidfile(), d.loglevel(), d.logoutput(), d.loggerconfig(),
                d.fqdnPrefix(), -1, "127.0.0.1", null, null, false);
        WatcherConfig web = WatcherConfig.builder("web", "sleep").args("3600").numProcesses(n)
                .gracefulTimeout(Duration.ofSeconds(5)).build();
        CircusConfig config = new CircusConfig(null, List.of(), g, Map.of(), List.of(web), List.of(), List.of(), List.of());
        ArbiterCore arbiter = ArbiterCore.builder(config).build();
        try (ManagementHandle jmx = CircusManagement.builder(arbiter).server(ManagementFactory.getPlatformMBeanServer())
                .configSource(() -> config).settings(g).start();
             ZmqFacade zmq = ZmqFacade.start(jmx.server(), g)) {
            long t0 = System.nanoTime();
            arbiter.start().join();
            while (arbiter.watcher("web").orElseThrow().pids().size() < n) {
                Thread.sleep(50);
            }
            System.out.printf("ready: %d processes in %.1f s on %s%n", n, (System.nanoTime() - t0) / 1e9,
                    zmq.controlEndpoint());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Runs until stdin closes.
            }
            arbiter.quit().get();
        }
    }
}
