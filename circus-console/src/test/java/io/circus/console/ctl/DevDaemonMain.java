package io.circus.console.ctl;

import io.circus.testing.TestChildren;
import java.util.concurrent.CountDownLatch;

/**
 * A daemon to try the console by hand (and to record docs/console.md): two watchers, endpoints
 * printed on start, runs until killed. Test class path only.
 */
public final class DevDaemonMain {

    private DevDaemonMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // On the platform MBeanServer, as circusd registers them, so that --pid finds the beans.
        CtlDaemon d = new CtlDaemon(java.util.List.of(TestChildren.sleepers("sleepers", 3).build(),
                TestChildren.sleepers("web", 2).build()), java.lang.management.ManagementFactory.getPlatformMBeanServer());
        // SIGTERM and SIGINT stop the children too.
        Runtime.getRuntime().addShutdownHook(new Thread(d::close));
        System.out.println("endpoint " + d.endpoint() + " pubsub " + d.pubsub() + " jmx " + d.jmxAddress()
                + " pid " + ProcessHandle.current().pid());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
