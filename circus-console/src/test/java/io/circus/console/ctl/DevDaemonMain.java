package io.circus.console.ctl;

import java.util.concurrent.CountDownLatch;

/**
 * A daemon to try the console by hand (and to record docs/console.md): two watchers, endpoints
 * printed on start, runs until killed. Test class path only.
 */
public final class DevDaemonMain {

    private DevDaemonMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (CtlDaemon d = CtlDaemon.started(CtlDaemon.sleepers("sleepers", 3), CtlDaemon.sleepers("web", 2))) {
            System.out.println("endpoint " + d.endpoint() + " pubsub " + d.pubsub() + " jmx " + d.jmxAddress()
                    + " pid " + ProcessHandle.current().pid());
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }
}
