package io.circus.plugin;

import io.circus.jmx.ArbiterMXBean;
import io.circus.jmx.ProcessMXBean;
import io.circus.jmx.ProcessStats;
import io.circus.jmx.WatcherMXBean;
import io.circus.runtime.FlappingStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;

/**
 * What the daemon gives a running plugin: its options, the MXBeans it acts through, a scheduler on its
 * own thread, the stats samples, a logger and its counters.
 *
 * <p>Threading: every method may be called from any thread, but a plugin normally calls them from its
 * own (inside a callback or a scheduled task). The MXBean operations are the same ones JMX clients call:
 * a {@code waiting} one blocks the plugin's thread (never the supervisor's) until done. A context
 * belongs to one plugin instance; after {@link Plugin#stop} its scheduling methods refuse new tasks.
 */
public interface PluginContext {

    /** The plugin's name: the text after {@code plugin:} in its section. */
    String name();

    /** The section's options, Circus's names, as given. */
    PluginOptions options();

    /**
     * The Circus check_delay a plugin sees, in seconds. Circus never passes its own to plugins, so
     * every plugin sees 5.0, whatever {@code [circus] check_delay} says; Flapping's window arithmetic
     * depends on it.
     */
    default double checkDelaySeconds() {
        return 5.0;
    }

    /** The Arbiter MBean: add/remove watchers, group operations, stats of every process. */
    ArbiterMXBean arbiter();

    /** The current watchers' names in start order, without {@code plugin:*} entries. */
    List<String> watcherNames();

    /** The Watcher MBean of one watcher (any case), if it exists now. */
    Optional<WatcherMXBean> watcher(String name);

    /** The Process MBean of one managed process, if it is running now. */
    Optional<ProcessMXBean> process(long pid);

    /**
     * The per-watcher overrides a plugin reads from that watcher's own options: with prefix
     * {@code flapping}, a watcher option {@code flapping.max_retry = 2} gives {@code max_retry -> 2}.
     * Empty when the watcher does not exist or has none. Read again on each call (a {@code set} or a
     * reload changes them).
     */
    Map<String, String> watcherOverrides(String watcher, String prefix);

    /**
     * The figures of a watcher's processes, the same samples {@code stats} reads (CPU since the previous
     * sample, RSS, children); empty when the watcher is unknown.
     */
    List<ProcessStats> stats(String watcher);

    /**
     * Runs {@code task} once after {@code delay} on the plugin's own thread. A task that throws is
     * logged and counted like a callback.
     */
    ScheduledFuture<?> schedule(Duration delay, Runnable task);

    /**
     * Runs {@code task} every {@code period} (fixed delay between the end of one run and the start of
     * the next) on the plugin's own thread, the first time after one period.
     */
    ScheduledFuture<?> scheduleEvery(Duration period, Runnable task);

    /** A logger named {@code circus.plugin.NAME}. */
    Logger log();

    /** Counts one check (a look at a watcher, a heartbeat scan, an HTTP probe): the {@code Checks} attribute. */
    void checked();

    /**
     * Records that the plugin acted: counts a trigger (and a restart or stop by {@code action}), logs it
     * and sends the notification {@code circus.plugin.acted} from the Plugin MBean. Call it after the
     * MBean operation, once per decision.
     *
     * @param watcher the watcher concerned, or null
     * @param action  what was done
     * @param message why, for operators: {@code 3 exits in 0.4 s; stopped, retry 1/5 in 7 s}
     */
    void acted(String watcher, PluginAction action, String message);

    /**
     * Tells the daemon a watcher is flapping (or, with {@link FlappingStatus#NONE}, no longer): it
     * publishes a {@code flapping} event (pub/sub {@code watcher.NAME.flapping}, JMX
     * {@code circus.flapping}) and shows the state in {@code status}, the Watcher MBean's {@code Flapping}
     * attribute and {@code top}.
     */
    void flapping(String watcher, FlappingStatus status);

    /** Records an error the plugin handled itself (a failed probe): counted and shown as {@code LastError}. */
    void failed(String message, Throwable cause);
}
