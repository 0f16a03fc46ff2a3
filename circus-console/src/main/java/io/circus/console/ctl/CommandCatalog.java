package io.circus.console.ctl;

import static io.circus.console.ctl.CommandSpec.Arg.COMMAND;
import static io.circus.console.ctl.CommandSpec.Arg.FREE;
import static io.circus.console.ctl.CommandSpec.Arg.GLOBAL_OPTION;
import static io.circus.console.ctl.CommandSpec.Arg.OPTION_KEY;
import static io.circus.console.ctl.CommandSpec.Arg.OPTION_VALUE;
import static io.circus.console.ctl.CommandSpec.Arg.PID;
import static io.circus.console.ctl.CommandSpec.Arg.SIGNAL;
import static io.circus.console.ctl.CommandSpec.Arg.TOPIC;
import static io.circus.console.ctl.CommandSpec.Arg.WATCHER;

import io.circus.console.ctl.CommandSpec.Arg;
import io.circus.console.ctl.CommandSpec.OptionSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every circusctl command with Circus 0.19's names, summaries and options (its
 * {@code commands/*.py}), plus the console's own {@code top}. The summaries are Circus's first
 * docstring lines, since {@code circusctl --help} prints them and scripts look for them.
 */
public final class CommandCatalog {

    private static final OptionSpec WAITING = OptionSpec.flag("waiting", "Waiting the real end of the process");
    private static final OptionSpec MATCH = OptionSpec.value("match", "glob",
            "Watcher name matching method (simple, glob or regex)");

    private static final Map<String, CommandSpec> COMMANDS = new TreeMap<>();

    static {
        add("add", "Add a watcher", "[--start] <name> <cmd>", List.of(OptionSpec.flag("start", "start immediately the watcher")),
                """
                Adds a watcher named <name> running <cmd> (every word after the name, joined by
                spaces). The watcher is stopped unless --start is given. Prints "ok".
                """, List.of(FREE, FREE));
        add("decr", "Decrement the number of processes in a watcher", "<name> [<nb>] [--waiting]", List.of(WAITING),
                """
                Stops <nb> processes of the watcher (1 by default), the oldest first. With --waiting
                prints the new number of processes once they have stopped, else "ok". A singleton
                watcher is left alone.
                """, List.of(WATCHER, FREE));
        add("dstats", "Get circusd stats", "", List.of(),
                """
                Prints the figures of the daemon process itself:
                "Main Process:" then "    pid  cmdline username nice rss vms cpu mem ctime".
                """, List.of());
        add("get", "Get the value of specific watcher options", "<name> <key> [<key>...]", List.of(),
                """
                Prints "key: value" for each option asked for. See "options" for every key.
                """, List.of(WATCHER, OPTION_KEY));
        add("globaloptions", "Get the arbiter options", "[<option>]", List.of(),
                """
                Prints the daemon-wide options (endpoint, pubsub_endpoint, stats_endpoint,
                multicast_endpoint, check_delay) as "key: value", or the one named.
                """, List.of(GLOBAL_OPTION));
        add("incr", "Increment the number of processes in a watcher", "<name> [<nb>] [--waiting]", List.of(WAITING),
                """
                Adds <nb> processes to the watcher (1 by default). With --waiting prints the new
                number of processes once they run, else "ok". A singleton watcher is left alone.
                """, List.of(WATCHER, FREE));
        add("ipython", "Create shell into circusd process", "", List.of(),
                """
                Circus opens an IPython kernel inside circusd; a JVM daemon has none, so this
                reports an error. Use JConsole or jshell with --jmx instead.
                """, List.of());
        add("kill", "Kill a specific process", "<name> [<pid>] [--signum SIG] [--graceful_timeout N]",
                List.of(WAITING, OptionSpec.value("signum", null, "overrides the watcher's stop_signal (number or name)"),
                        OptionSpec.value("graceful_timeout", null, "overrides the watcher's graceful_timeout")),
                """
                Stops one process (or every process) of the watcher with its kill sequence: the stop
                signal, then SIGKILL after graceful_timeout. An active watcher respawns it.
                """, List.of(WATCHER, PID));
        add("list", "Get list of watchers or processes in a watcher", "[<name>]", List.of(),
                """
                Without a name prints the watcher names, comma-separated; with one, the pids of its
                running processes.
                """, List.of(WATCHER));
        add("listen", "Subscribe to a watcher event", "[<topic>...]", List.of(),
                """
                Prints every event whose topic starts with one of the topics given (all without one),
                as "topic: payload", until interrupted. Topics look like watcher.<name>.<event>.
                Over ZeroMQ --endpoint is the pub/sub endpoint (default tcp://127.0.0.1:5556); over
                JMX the events are the daemon's notifications.
                """, List.of(TOPIC));
        add("listsockets", "Get the list of sockets", "", List.of(),
                """
                Prints one line per socket: "fd:socket 'name' at host:port" (or at /path).
                """, List.of());
        add("numprocesses", "Get the number of processes", "[<name>]", List.of(),
                """
                Prints the number of processes of the watcher, or of every watcher.
                """, List.of(WATCHER));
        add("numwatchers", "Get the number of watchers", "", List.of(),
                """
                Prints the number of watchers.
                """, List.of());
        add("options", "Get the value of all options for a watcher", "<name>", List.of(),
                """
                Prints every option of the watcher as "key: value", sorted by key.
                """, List.of(WATCHER));
        add("quit", "Quit the arbiter immediately", "[--waiting]", List.of(WAITING),
                """
                Stops every watcher, then the daemon.
                """, List.of());
        add("reload", "Reload the arbiter or a watcher", "[<name>] [--terminate] [--waiting] [--sequential]",
                List.of(WAITING, OptionSpec.flag("sequential", "sequential reload"),
                        OptionSpec.flag("terminate", "stop immediately")),
                """
                Replaces the processes of the watcher (every watcher without a name): new ones first,
                then the old ones stop (or SIGHUP with send_hup). --sequential replaces one at a time;
                --terminate stops then starts. Does not re-read the configuration: see reloadconfig.
                """, List.of(WATCHER));
        add("reloadconfig", "Reload the configuration file", "[--waiting]", List.of(WAITING),
                """
                Re-reads the configuration file and applies the differences: new watchers start,
                removed ones stop, changed ones restart.
                """, List.of());
        add("restart", "Restart the arbiter or a watcher", "[<name>] [--waiting] [--match=simple|glob|regex]",
                List.of(WAITING, MATCH),
                """
                Stops then starts the watchers whose name matches (every watcher without a name).
                """, List.of(WATCHER));
        add("rm", "Remove a watcher", "<name>", List.of(WAITING, OptionSpec.flag("nostop", "Do not stop watcher processes")),
                """
                Removes the watcher and stops its processes.
                """, List.of(WATCHER));
        add("set", "Set a watcher option", "<name> <key> <value> [<key> <value>...] [--waiting]", List.of(WAITING),
                """
                Changes options of the watcher. Values are converted as circusctl does: numbers for
                numprocesses, max_retry, warmup_delay..., true/false for flags, a signal name or
                number for stop_signal, K=V,K2=V2 for env. Options that cannot change live restart
                the watcher's processes.
                """, List.of(WATCHER, OPTION_KEY, OPTION_VALUE));
        add("signal", "Send a signal", "<name> [<pid>] [--children] [--recursive] <signum>",
                List.of(OptionSpec.flag("children", "Only signal children of the process"),
                        OptionSpec.flag("recursive", "Signal parent and children")),
                """
                Sends the signal (a name such as USR1 or SIGHUP, or a number) to every process of the
                watcher, or to <pid>; --children sends it to their direct children instead (not to
                the processes themselves; --recursive then changes nothing), --recursive to the
                processes and every descendant.
                """, List.of(WATCHER, PID, SIGNAL));
        add("start", "Start the arbiter or a watcher", "[<name>] [--waiting] [--match=simple|glob|regex]",
                List.of(WAITING, MATCH),
                """
                Starts the watchers whose name matches (every autostart watcher without a name).
                """, List.of(WATCHER));
        add("stats", "Get process infos", "[--extended] [<name>] [<pid>]",
                List.of(OptionSpec.flag("extended", "Include info from extended_stats hook")),
                """
                Prints the figures of every process (of the watcher, or one process):
                "pid: pid  cmdline username nice rss vms cpu mem ctime", children indented.
                """, List.of(WATCHER, PID));
        add("status", "Get the status of a watcher or all watchers", "[<name>]", List.of(),
                """
                Prints "name: state" for every watcher, sorted by name, or the state of one:
                active, starting, stopping or stopped.
                """, List.of(WATCHER));
        add("stop", "Stop watchers", "[<name>] [--waiting] [--match=simple|glob|regex]", List.of(WAITING, MATCH),
                """
                Stops the watchers whose name matches (every watcher without a name).
                """, List.of(WATCHER));
        add("top", "Live view of every watcher and process", "[--sort KEY] [--interval SECONDS]",
                List.of(OptionSpec.value("sort", "cpu", "sort processes by cpu, mem, age, pid or name"),
                        OptionSpec.value("interval", "1", "seconds between refreshes")),
                """
                Full-screen view of every watcher and process with pid, CPU %, memory, age and state,
                refreshed every second. Keys: q quits; c, m, a, p, n sort by cpu, memory, age, pid,
                name. Not on a terminal, prints one snapshot.
                """, List.of());
        add("help", "Show help on a command", "[<command>]", List.of(),
                """
                Lists the commands, or describes one.
                """, List.of(COMMAND));
    }

    private CommandCatalog() {
    }

    private static void add(String name, String summary, String usage, List<OptionSpec> options, String description,
                            List<Arg> args) {
        COMMANDS.put(name, new CommandSpec(name, summary, usage, options, description, args));
    }

    public static Optional<CommandSpec> find(String name) {
        return Optional.ofNullable(COMMANDS.get(name));
    }

    /** Every command, sorted by name. */
    public static List<CommandSpec> all() {
        return List.copyOf(COMMANDS.values());
    }

    /** Commands Circus's circusctl has, for the usage text (top and help are the console's own). */
    public static List<CommandSpec> circusCommands() {
        return COMMANDS.values().stream().filter(c -> !c.name().equals("top") && !c.name().equals("help")).toList();
    }
}
