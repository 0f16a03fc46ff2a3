package io.circus.zmq.testplugins;

import io.circus.event.Event;
import io.circus.plugin.Plugin;
import io.circus.plugin.PluginContext;

/** Throws on every event: the daemon must log it, count it and restart the plugin with back-off. */
public final class ThrowingPlugin implements Plugin {

    @Override
    public void start(PluginContext context) {
    }

    @Override
    public void onEvent(Event event) {
        throw new IllegalStateException("boom on " + event.topic());
    }
}
