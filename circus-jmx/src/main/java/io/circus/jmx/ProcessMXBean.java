package io.circus.jmx;

import static io.circus.jmx.Impact.Kind.ACTION_INFO;
import static io.circus.jmx.Impact.Kind.INFO;

/**
 * One process slot of a watcher: {@code circus:type=Process,watcher=<watcher>,name=<wid>}. The name
 * is the slot (Circus's wid), stable across respawns; the pid is an attribute. Registered while the
 * slot exists: slots come and go with numprocesses and reloads.
 *
 * <p>Notifications: spawn, kill, reap and spawn_failed of this slot ({@code circus.watcher.*}), plus
 * an AttributeChangeNotification when {@code State} changes.
 */
@Description("A process slot of a Circus watcher; the wid is stable, the pid changes with each spawn")
public interface ProcessMXBean {

    @Description("Watcher this slot belongs to")
    String getWatcher();

    @Description("Slot number (Circus's wid), from 1")
    int getWid();

    @Description("Current (or last) process id, 0 before the first spawn")
    long getPid();

    @Description("spawning, running, stopping or exited")
    String getState();

    @Description("State as a number for monitors: 0 exited, 1 running, 2 spawning, 3 stopping")
    int getStateCode();

    @Units("milliseconds since the epoch")
    @Description("When the current process was spawned, epoch milliseconds; 0 if none")
    long getStartTime();

    @Description("When the current process was spawned, ISO-8601 UTC; empty if none runs")
    String getStartTimeIso();

    @Units("seconds")
    @Description("Seconds the current process has been running; 0 when none runs")
    long getUptimeSeconds();

    @Units("percent")
    @Description("CPU use in percent of one core (sampled at most every 500 ms); 0 when none runs")
    double getCpuPercent();

    @Units("bytes")
    @Description("Resident memory (sampled at most every 500 ms); 0 when none runs")
    long getRssBytes();

    @Units("seconds")
    @Description("User plus system CPU time the current process has used (sampled at most every 500 ms); 0 when none runs")
    double getCpuSeconds();

    @Description("Exit code of the previous process of this slot (negative: killed by that signal), null if none")
    Integer getExitCode();

    @Description("Why the previous process ended: commanded, timed_out, exited, crashed or signalled; null if unknown")
    String getExitCause();

    @Description("Respawns of this slot after exits the daemon did not ask for")
    int getRestarts();

    @Description("Command line of the current process, words joined by spaces")
    String getCmdline();

    @Description("Command line of the current process, word by word")
    String[] getArgv();

    @Impact(ACTION_INFO)
    @Description("Sends a signal to this process (Circus: signal with pid); returns the pids signalled")
    long[] signal(
            @Name("signum") @Description("Signal name (TERM, SIGUSR1, rtmin+1, any case) or number") String signum,
            @Name("children") @Description("Also send to its direct children") boolean children,
            @Name("recursive") @Description("Also send to every descendant") boolean recursive);

    @Impact(ACTION_INFO)
    @Description("Sends a signal to this process only; returns the pid signalled, as text")
    String[] sendSignal(
            @Name("signum") @Description("Signal name (TERM, SIGUSR1, rtmin+1, any case) or number") String signum);

    @Impact(ACTION_INFO)
    @Description("Stops this process with the kill sequence; an active watcher respawns the slot (Circus: kill with pid); returns the pid asked to stop")
    long[] kill(
            @Name("signum") @Description("Signal name or number; empty for stop_signal") String signum,
            @Name("graceful_timeout") @Description("Seconds before SIGKILL; negative for graceful_timeout") double gracefulTimeout,
            @Name("waiting") @Description("Block until it has exited") boolean waiting);

    @Impact(INFO)
    @Description("Figures of this process (Circus: stats with process)")
    ProcessStats stats();
}
