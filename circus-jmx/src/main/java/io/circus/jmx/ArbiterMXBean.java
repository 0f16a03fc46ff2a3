package io.circus.jmx;

import static io.circus.jmx.Impact.Kind.ACTION;
import static io.circus.jmx.Impact.Kind.ACTION_INFO;
import static io.circus.jmx.Impact.Kind.INFO;

import io.circus.runtime.ConfigDiff;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;

/**
 * The daemon: {@code circus:type=Arbiter}. Carries the Circus commands that concern the whole
 * daemon or several watchers; single-watcher commands are on {@link WatcherMXBean}.
 *
 * <p><b>Waiting.</b> An operation that takes a {@code waiting} parameter starts something that takes
 * time. With {@code waiting=false} it validates its input, starts the work and returns at once (null
 * for a reply object). With {@code waiting=true} the caller's thread blocks until the work is done
 * (bounded by the operation timeout, default 120 s; past it an IllegalStateException says the work
 * goes on) and the reply describes the result. Bad input always throws IllegalArgumentException
 * before anything changes, whatever {@code waiting} says.
 *
 * <p>Notifications: every event of the daemon, in sequence order ({@link NotificationTypes}).
 */
@Description("The Circus arbiter: owns the watchers and their processes")
public interface ArbiterMXBean {

    @Description("Watcher beans, in start order (priority high to low)")
    ObjectName[] getWatchers();

    @Description("Watcher names as configured, in start order (Circus: list)")
    String[] getWatcherNames();

    @Description("Names of the running plugins ([plugin:NAME] sections), sorted; each is a circus:type=Plugin,name=NAME bean (Circus lists them as watchers plugin:NAME)")
    String[] getPluginNames();

    @Description("Number of watchers (Circus: numwatchers)")
    int getNumWatchers();

    @Description("Running processes over all watchers (Circus: numprocesses)")
    int getNumProcesses();

    @Description("State of every watcher by name: active, starting, stopping or stopped (Circus: status)")
    Map<String, String> getStatuses();

    @Description("The watchers flapping now, by name, with the state operators read (see the Watcher bean's Flapping); empty when none")
    Map<String, String> getFlapping();

    @Description("Sequence number of the latest event, 0 before any; a gap in notification sequence numbers means some were lost")
    long getLastEventSeq();

    @Description("Events that could not be turned into notifications because the dispatch queue was full")
    long getLostNotifications();

    @Description("Where the daemon can be reached: control, pub/sub, stats, multicast and JMX endpoints")
    Endpoints getEndpoints();

    @Description("Circus for the JVM version")
    String getVersion();

    @Description("Processes a previous circusd on this configuration left running when it was killed, stopped at "
            + "start-up before any socket was bound: one line each, naming watcher, wid, pid and outcome (stopped, "
            + "killed, group_killed, survived); empty when the previous daemon stopped cleanly")
    String[] getTakenOver();

    @Description("Process id of the daemon")
    long getPid();

    @Units("milliseconds since the epoch")
    @Description("When the arbiter was created, epoch milliseconds")
    long getStartTime();

    @Description("When the arbiter was created, ISO-8601 UTC (StartTime as text)")
    String getStartTimeIso();

    @Units("seconds")
    @Description("Seconds since the arbiter was created")
    long getUptimeSeconds();

    @Impact(INFO)
    @Description("Recent events (the last 1000 are kept), oldest first, for consoles that poll instead of listening to notifications")
    List<EventEntry> events(
            @Name("afterSeq") @Description("Only events with a sequence number above this one; 0 for all kept") long afterSeq);

    @Impact(ACTION_INFO)
    @Description("Adds a watcher (Circus: add); returns the pids started when start and waiting are set, else null")
    PidChanges addWatcher(
            @Name("name") @Description("Watcher name, unique regardless of case") String name,
            @Name("cmd") @Description("Command to run, with or without its arguments") String cmd,
            @Name("args") @Description("Arguments appended to cmd, shell-quoted; empty for none") String args,
            @Name("options") @Description("Further watcher options by Circus key (numprocesses, env, ...), as strings; may be empty") Map<String, String> options,
            @Name("start") @Description("Start the watcher once added") boolean start,
            @Name("waiting") @Description("Block until the watcher has started") boolean waiting);

    @Impact(ACTION_INFO)
    @Description("Adds a watcher with typed option values (Circus: add, as the ZeroMQ channel sends it); returns the pids started when start and waiting are set, else null")
    PidChanges addWatcher(
            @Name("name") @Description("Watcher name, unique regardless of case") String name,
            @Name("cmd") @Description("Command to run, with or without its arguments") String cmd,
            @Name("args") @Description("Arguments appended to cmd, shell-quoted; empty for none") String args,
            @Name("keys") @Description("Further watcher option keys, in the order they apply; may be empty") String[] keys,
            @Name("values") @Description("Their values, typed as the watcher option schema says (numprocesses an integer, env a table...)") OptionsView values,
            @Name("start") @Description("Start the watcher once added") boolean start,
            @Name("waiting") @Description("Block until the watcher has started") boolean waiting);

    @Impact(ACTION)
    @Description("Removes a watcher (Circus: rm), stopping its processes unless nostop")
    void removeWatcher(
            @Name("name") @Description("Watcher name, any case") String name,
            @Name("nostop") @Description("Leave its processes running, unmanaged") boolean nostop,
            @Name("waiting") @Description("Block until its processes have stopped") boolean waiting);

    @Impact(INFO)
    @Description("Names of the watchers a Circus name pattern selects, in start order")
    List<String> matchWatchers(
            @Name("name") @Description("Pattern; empty selects every watcher") String name,
            @Name("match") @Description("simple (exact, any case), glob (default when empty) or regex (anchored at the start)") String match);

    @Impact(ACTION_INFO)
    @Description("Starts the selected watchers (Circus: start with a pattern or none); with several, autostart=false ones are skipped; with waiting, returns the pids started and kept and the watchers selected, else null")
    PidChanges startWatchers(
            @Name("name") @Description("Pattern; empty selects every watcher") String name,
            @Name("match") @Description("simple, glob (default when empty) or regex") String match,
            @Name("waiting") @Description("Block until they have started") boolean waiting);

    @Impact(ACTION_INFO)
    @Description("Stops the selected watchers (Circus: stop with a pattern or none); with waiting, returns the pids stopped and the watchers selected, else null")
    PidChanges stopWatchers(
            @Name("name") @Description("Pattern; empty selects every watcher") String name,
            @Name("match") @Description("simple, glob (default when empty) or regex") String match,
            @Name("waiting") @Description("Block until they have stopped") boolean waiting);

    @Impact(ACTION_INFO)
    @Description("Restarts the selected watchers (Circus: restart); with no pattern, stops everything and starts the autostart watchers; with waiting, returns the pids stopped, started and kept and the watchers selected, else null")
    PidChanges restartWatchers(
            @Name("name") @Description("Pattern; empty selects every watcher") String name,
            @Name("match") @Description("simple, glob (default when empty) or regex") String match,
            @Name("waiting") @Description("Block until they have restarted") boolean waiting);

    @Impact(ACTION_INFO)
    @Description("Reloads every watcher (Circus: reload without name); does not re-read the configuration; with waiting, returns the pids stopped, started and kept, else null")
    PidChanges reloadWatchers(
            @Name("graceful") @Description("New processes first, then the old ones stop (or SIGHUP with send_hup); false restarts") boolean graceful,
            @Name("sequential") @Description("Replace one process at a time") boolean sequential,
            @Name("waiting") @Description("Block until every watcher has reloaded") boolean waiting);

    @Impact(ACTION_INFO)
    @Description("Re-reads the configuration and applies the difference (Circus: reloadconfig); returns what changed, or null when not waiting")
    ConfigDiff reloadConfig(
            @Name("waiting") @Description("Block until the changes are applied") boolean waiting);

    @Impact(ACTION)
    @Description("Stops every watcher, then the daemon (Circus: quit)")
    void quit(@Name("waiting") @Description("Block until everything has stopped") boolean waiting);

    @Impact(INFO)
    @Description("Figures of every managed process (Circus: stats without name)")
    List<ProcessStats> stats();

    @Impact(INFO)
    @Description("Figures of the daemon process itself (Circus: dstats)")
    ProcessUsage dstats();

    @Impact(INFO)
    @Description("Daemon-wide options: endpoint, pubsub_endpoint, stats_endpoint, multicast_endpoint, check_delay (Circus: globaloptions)")
    OptionsView globalOptions(
            @Name("option") @Description("One option name, or empty for all") String option);

    @Impact(INFO)
    @Description("Sockets held for the watchers (Circus: listsockets), sorted by fd")
    List<SocketInfo> listSockets();
}
