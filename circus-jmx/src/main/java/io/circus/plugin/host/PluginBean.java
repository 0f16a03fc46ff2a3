package io.circus.plugin.host;

import io.circus.jmx.PluginMXBean;
import java.util.Map;
import java.util.TreeMap;

/** The {@code circus:type=Plugin,name=NAME} bean: reads the runner and its counters. */
final class PluginBean implements PluginMXBean {

    private final PluginRunner runner;
    private final String implementation;

    PluginBean(PluginRunner runner, String implementation) {
        this.runner = runner;
        this.implementation = implementation;
    }

    @Override
    public String getName() {
        return runner.name();
    }

    @Override
    public String getUse() {
        return runner.config.use();
    }

    @Override
    public String getImplementation() {
        return implementation;
    }

    @Override
    public boolean isActive() {
        return runner.enabled();
    }

    @Override
    public String getState() {
        return runner.state();
    }

    @Override
    public Map<String, String> getOptions() {
        return new TreeMap<>(runner.config.options());
    }

    @Override
    public long getChecks() {
        return runner.counters.checks.get();
    }

    @Override
    public long getTriggers() {
        return runner.counters.triggers.get();
    }

    @Override
    public long getRestarts() {
        return runner.counters.restarts.get();
    }

    @Override
    public long getStops() {
        return runner.counters.stops.get();
    }

    @Override
    public long getErrors() {
        return runner.counters.errors.get();
    }

    @Override
    public String getLastError() {
        return runner.counters.lastError();
    }

    @Override
    public String getLastAction() {
        return runner.counters.lastAction();
    }

    @Override
    public long getFailureRestarts() {
        return runner.counters.failureRestarts.get();
    }

    @Override
    public long getDroppedEvents() {
        return runner.counters.dropped.get();
    }

    @Override
    public void enable() {
        runner.enable();
    }

    @Override
    public void disable() {
        runner.disable();
    }
}
