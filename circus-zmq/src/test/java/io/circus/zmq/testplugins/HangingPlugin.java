package io.circus.zmq.testplugins;

import io.circus.event.Event;
import io.circus.plugin.Plugin;
import io.circus.plugin.PluginContext;
import java.util.concurrent.CountDownLatch;

/** Blocks forever in its first event, ignoring interrupts: the daemon must abandon and restart it. */
public final class HangingPlugin implements Plugin {

    @Override
    public void start(PluginContext context) {
    }

    @Override
    public void onEvent(Event event) {
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
            try {
                never.await();
            } catch (InterruptedException e) {
                // Deliberately deaf: the worst plugin there is.
            }
        }
    }
}
