package io.circus.jmx;

import static io.circus.jmx.Impact.Kind.ACTION;
import static io.circus.jmx.Impact.Kind.ACTION_INFO;
import static io.circus.jmx.Impact.Kind.INFO;

import java.util.List;
import java.util.Map;
import javax.management.ObjectName;

/**
 * One watcher: {@code circus:type=Watcher,name=<watcher>}. Registered while the watcher exists.
 * Carries the Circus commands addressed to one watcher. {@code waiting} parameters follow the
 * convention described on {@link ArbiterMXBean}.
 *
 * <p>Notifications: every event of this watcher and its processes ({@code circus.watcher.*}), plus
 * an AttributeChangeNotification when {@code State} changes.
 */
@Description("A Circus watcher: a named group of identical processes")
public interface WatcherMXBean {

    @Description("Watcher name as configured")
    String getName();

    @Description("active, starting, stopping or stopped (Circus: status)")
    String getState();

    @Description("State as a number for monitors: 0 stopped, 1 active, 2 starting, 3 stopping")
    int getStateCode();

    @Description("Target number of processes; writing it adds or stops processes live, nothing else restarts (returns at once)")
    int getNumProcesses();

    void setNumProcesses(int numProcesses);

    @Description("Processes currently running or stopping (Circus: numprocesses with name)")
    int getRunning();

    @Description("Pids of the running processes, by wid (Circus: list with name)")
    long[] getPids();

    @Description("Process beans of this watcher, by wid")
    ObjectName[] getProcesses();

    @Description("Whether this watcher runs a single process (incr and decr change nothing)")
    boolean isSingleton();

    @Description("Respawns after exits the daemon did not ask for")
    long getRestartCount();

    @Description("Exit code of the latest exit the daemon did not ask for (negative: killed by that signal), null if none")
    Integer getLastExitCode();

    @Description("Whether processes are respawned with a back-off because they keep exiting within a second of their start or their spawns fail for want of a resource (State stays active); events circus.watcher.backoff and circus.watcher.recovered mark its start and end")
    boolean isBackingOff();

    @Description("How many process slots are in back-off; 0 when not backing off")
    int getBackoffSlots();

    @Units("milliseconds")
    @Description("Longest current respawn delay of the slots in back-off (100 ms doubling up to check_delay); 0 when not backing off")
    long getBackoffDelayMillis();

    @Units("milliseconds since the epoch")
    @Description("When the earliest pending respawn of a slot in back-off is due; 0 when none is waiting")
    long getNextRetryEpochMillis();

    @Units("milliseconds since the epoch")
    @Description("When the watcher started backing off; 0 when not backing off")
    long getBackoffSinceEpochMillis();

    @Description("Latest cause of the back-off, e.g. 'wid 2 (pid 812) exited with code 7 after 12 ms' or 'spawn failed: ... Too many open files'; empty when not backing off")
    String getBackoffReason();

    @Description("Whether it is flapping, as operators read it: 'parked by plugin:flapping, retry 1/5 in 7 s (3 exits within 6.0 s)' when a plugin stopped it, 'backing off, retry in 0.8 s (...)' while the core respawns it with a delay; empty when neither")
    String getFlapping();

    @Description("Every option with its current value (Circus: options)")
    OptionsView getOptions();

    @Description("Every option as key/value rows of text, for consoles that show tables (same values as Options)")
    Map<String, String> getOptionTable();

    @Units("percent")
    @Description("CPU use of its processes in percent of one core, summed (sampled at most every 500 ms)")
    double getCpuPercent();

    @Units("bytes")
    @Description("Resident memory of its processes, summed (sampled at most every 500 ms)")
    long getRssBytes();

    @Impact(ACTION_INFO)
    @Description("Starts the processes (Circus: start with name); returns the pids started and kept when waiting, else null")
    PidChanges start(@Name("waiting") @Description("Block until every process runs") boolean waiting);

    @Impact(ACTION_INFO)
    @Description("Stops every process (Circus: stop with name); returns the pids stopped when waiting, else null")
    PidChanges stop(@Name("waiting") @Description("Block until every process has exited") boolean waiting);

    @Impact(ACTION_INFO)
    @Description("Stops, then starts the processes (Circus: restart with name); returns the pids stopped, started and kept when waiting, else null")
    PidChanges restart(@Name("waiting") @Description("Block until the processes run again") boolean waiting);

    @Impact(ACTION_INFO)
    @Description("Reloads the processes (Circus: reload with name); returns the pids stopped, started and kept when waiting, else null")
    PidChanges reload(
            @Name("graceful") @Description("New processes first, then the old ones stop (or SIGHUP with send_hup); false restarts") boolean graceful,
            @Name("sequential") @Description("Replace one process at a time") boolean sequential,
            @Name("waiting") @Description("Block until the reload is done") boolean waiting);

    @Impact(ACTION_INFO)
    @Description("Adds processes (Circus: incr); returns the new target when waiting or singleton, else null")
    Integer incr(
            @Name("nb") @Description("How many processes to add, 0 or more") int nb,
            @Name("waiting") @Description("Block until they run") boolean waiting);

    @Impact(ACTION_INFO)
    @Description("Stops processes, the oldest first (Circus: decr); returns the new target when waiting or singleton, else null")
    Integer decr(
            @Name("nb") @Description("How many processes to stop, 0 or more; the count stops at 0") int nb,
            @Name("waiting") @Description("Block until they have exited") boolean waiting);

    @Impact(ACTION_INFO)
    @Description("Sends a signal (Circus: signal); returns the pids signalled")
    long[] signal(
            @Name("signum") @Description("Signal name (TERM, SIGUSR1, rtmin+1, any case) or number") String signum,
            @Name("pid") @Description("One process of this watcher, or 0 for all") long pid,
            @Name("childpid") @Description("With pid: only this direct child of it; 0 for none") long childpid,
            @Name("children") @Description("Also send to the direct children of the process(es)") boolean children,
            @Name("recursive") @Description("Also send to every descendant") boolean recursive);

    @Impact(ACTION_INFO)
    @Description("Sends a signal to every process of this watcher (Circus: signal with name); returns the pids signalled, as text")
    String[] sendSignal(
            @Name("signum") @Description("Signal name (TERM, SIGUSR1, rtmin+1, any case) or number") String signum);

    @Impact(ACTION_INFO)
    @Description("Stops process(es) with the kill sequence, signal then SIGKILL after the timeout; an active watcher replaces them (Circus: kill); returns the pids asked to stop")
    long[] kill(
            @Name("pid") @Description("One process of this watcher, or 0 for all") long pid,
            @Name("signum") @Description("Signal name or number; empty for stop_signal") String signum,
            @Name("graceful_timeout") @Description("Seconds before SIGKILL; negative for graceful_timeout") double gracefulTimeout,
            @Name("waiting") @Description("Block until they have exited") boolean waiting);

    @Impact(ACTION)
    @Description("Changes options (Circus: set); live ones apply at once, others restart this watcher's processes")
    void set(
            @Name("options") @Description("Option values by Circus key, as strings, e.g. numprocesses: 3, respawn: false, env: A=1,B=2") Map<String, String> options,
            @Name("waiting") @Description("Block until applied, restarts included") boolean waiting);

    @Impact(ACTION)
    @Description("Changes options with typed values (Circus: set, as the ZeroMQ channel sends it); live ones apply at once, others restart this watcher's processes")
    void set(
            @Name("keys") @Description("The option keys to change, in the order they apply and their updated events are published") String[] keys,
            @Name("values") @Description("Their values, typed as the watcher option schema says: numprocesses an integer, respawn a boolean, env a table, args a list of words") OptionsView values,
            @Name("waiting") @Description("Block until applied, restarts included") boolean waiting);

    @Impact(ACTION)
    @Description("Changes one option (Circus: set with one key), for consoles that cannot enter a table")
    void setOption(
            @Name("key") @Description("Circus option key") String key,
            @Name("value") @Description("New value, as text") String value,
            @Name("waiting") @Description("Block until applied, restarts included") boolean waiting);

    @Impact(INFO)
    @Description("Values of some options (Circus: get)")
    OptionsView get(@Name("keys") @Description("Circus option keys") String[] keys);

    @Impact(INFO)
    @Description("Value of one option as text (Circus: get with one key), for consoles that cannot enter an array")
    String getOption(@Name("key") @Description("Circus option key, e.g. graceful_timeout") String key);

    @Impact(INFO)
    @Description("The last lines its processes wrote on a configured stream (200 kept), oldest first, each as [pid] text; empty when the stream is not configured")
    String[] tail(
            @Name("stream") @Description("stdout or stderr") String stream,
            @Name("lines") @Description("How many lines, at most 200") int lines);

    @Impact(INFO)
    @Description("Figures of every process of this watcher (Circus: stats with name)")
    List<ProcessStats> stats();

    @Impact(INFO)
    @Description("Figures of one process of this watcher (Circus: stats with name and process)")
    ProcessStats processStats(@Name("pid") @Description("Pid of a process of this watcher") long pid);

    @Impact(INFO)
    @Description("Runs the watcher's extended_stats hook for one process (Circus: stats with extended=true) and returns the entries the hook added or changed, as text; empty without the hook or when it fails")
    Map<String, String> extendedStats(@Name("pid") @Description("Pid of a process of this watcher") long pid);

    @Description("The configured hooks, one row each: target, ignore_failure, calls, false results, failures, timeouts and the last error (docs/extending.md)")
    Map<String, String> getHooks();
}
