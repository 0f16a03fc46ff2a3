package io.circus.jmx;

import static io.circus.jmx.Impact.Kind.ACTION;

import java.util.Map;

/**
 * One plugin: {@code circus:type=Plugin,name=<plugin>}, registered while its {@code [plugin:NAME]}
 * section is in effect (added, removed and reconfigured by {@code reloadconfig}).
 *
 * <p>Notifications: {@code circus.plugin.acted} each time the plugin acts on a watcher (user data: a
 * CompositeData with {@code plugin}, {@code watcher}, {@code action}, {@code message}), and
 * {@code circus.plugin.failed} each time one of its callbacks throws or hangs.
 */
@Description("A Circus plugin running inside the daemon ([plugin:NAME] use = ...)")
public interface PluginMXBean {

    @Description("Plugin name, the text after plugin: in its section")
    String getName();

    @Description("The use option: a Circus name (circus.plugins.flapping.Flapping) or a Java class")
    String getUse();

    @Description("The Java class running it")
    String getImplementation();

    @Description("Whether the plugin is enabled: the active option, then enable/disable")
    boolean isActive();

    @Description("active, disabled, starting, failed: <reason>, restarting in N s (after a failure) or stopped")
    String getState();

    @Description("The options of its section, as given (Circus's names)")
    Map<String, String> getOptions();

    @Description("Checks made: watchers examined, heartbeat scans, probes")
    long getChecks();

    @Description("Times the plugin acted (restart, stop, start, signal, kill, report)")
    long getTriggers();

    @Description("Watcher restarts the plugin caused")
    long getRestarts();

    @Description("Watcher stops the plugin caused")
    long getStops();

    @Description("Errors: callbacks that threw or hung, and errors the plugin reported")
    long getErrors();

    @Description("The latest error, with when it happened; empty when none")
    String getLastError();

    @Description("The latest action, with the watcher and why; empty when none")
    String getLastAction();

    @Description("Times the plugin was restarted after a failure")
    long getFailureRestarts();

    @Description("Events dropped because the plugin was too slow to take them (its queue holds 10000)")
    long getDroppedEvents();

    @Impact(ACTION)
    @Description("Starts the plugin if it is disabled (until the next reloadconfig that changes its section)")
    void enable();

    @Impact(ACTION)
    @Description("Stops the plugin and keeps it stopped (until enable or a reloadconfig that changes its section)")
    void disable();
}
