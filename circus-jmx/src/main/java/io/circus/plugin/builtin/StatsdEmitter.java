package io.circus.plugin.builtin;

import io.circus.event.Event;
import io.circus.event.EventType;
import io.circus.plugin.Plugin;
import io.circus.plugin.PluginContext;

/**
 * {@code circus.plugins.statsd.StatsdEmitter}: counts every watcher event in statsd as
 * {@code circus.<application_name>.watcher.<watcher>.<event>}, e.g.
 * {@code circus.app.watcher.web.spawn:1|c}. The daemon's own {@code state} events are left out: they
 * restate {@code start}/{@code stop} at every transition.
 *
 * <p>Threading: called on the plugin's thread only.
 */
public final class StatsdEmitter implements Plugin {

    private StatsdClient statsd;
    private PluginContext context;

    @Override
    public void start(PluginContext context) throws Exception {
        this.context = context;
        this.statsd = StatsdOptions.open(context.options(), "app");
    }

    @Override
    public void onEvent(Event event) {
        if (event.watcher() == null || event.type() == EventType.STATE) {
            return;
        }
        statsd.increment(event.watcher() + "." + event.type().circusName());
        context.checked();
    }

    @Override
    public void stop() {
        if (statsd != null) {
            statsd.close();
        }
    }
}
