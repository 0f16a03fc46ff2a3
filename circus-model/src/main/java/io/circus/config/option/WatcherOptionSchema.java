package io.circus.config.option;

import static io.circus.config.option.CircusSupport.CHECKED;
import static io.circus.config.option.CircusSupport.NONE;
import static io.circus.config.option.CircusSupport.UNCHECKED;
import static io.circus.config.option.OptionType.ARGS;
import static io.circus.config.option.OptionType.BOOLEAN;
import static io.circus.config.option.OptionType.ENV;
import static io.circus.config.option.OptionType.HOOK;
import static io.circus.config.option.OptionType.HOOKS;
import static io.circus.config.option.OptionType.INTEGER;
import static io.circus.config.option.OptionType.NUMBER;
import static io.circus.config.option.OptionType.PLUGIN_SETTING;
import static io.circus.config.option.OptionType.RLIMIT;
import static io.circus.config.option.OptionType.SIGNAL;
import static io.circus.config.option.OptionType.STREAM;
import static io.circus.config.option.OptionType.STREAM_SETTING;
import static io.circus.config.option.OptionType.STRING;
import static io.circus.config.option.OptionType.USER;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every watcher option, once: key, type, default, whether it is live, whether it is compound, how
 * Circus treats it, and what it is for. The ini loader, the command layer, circusctl and the JMX
 * views read this; none keeps its own list of keys or types.
 *
 * <p>Keys are exact and lower-case, as Circus's are; callers that accept other cases (circusctl)
 * lower-case first. Threading: immutable, safe from any thread.
 */
public final class WatcherOptionSchema {

    /** Circus's hook names, in the order of its documentation and of circusctl's {@code _HOOKS}. */
    private static final List<String> HOOK_NAMES = List.of("before_start", "after_start", "before_stop",
            "after_stop", "before_spawn", "after_spawn", "before_signal", "after_signal", "before_reap",
            "after_reap", "extended_stats");

    private static final Map<String, WatcherOption> KEYS = new LinkedHashMap<>();
    private static final List<WatcherOption> FAMILIES = new ArrayList<>();
    private static final List<WatcherOption> ALL;

    static {
        scalar("cmd", STRING, null, false, UNCHECKED, "Command to run, with or without its arguments");
        scalar("args", ARGS, "", false, UNCHECKED, "Arguments appended to cmd, shell-quoted");
        scalar("working_dir", STRING, null, false, UNCHECKED, "Directory the processes start in");
        scalar("uid", USER, null, false, CHECKED, "User the processes run as, by name or id");
        scalar("gid", USER, null, false, CHECKED, "Group the processes run as, by name or id");
        scalar("executable", STRING, null, false, NONE, "Program to run instead of the first word of cmd");
        scalar("numprocesses", INTEGER, 1, true, CHECKED, "Number of processes to keep running");
        scalar("warmup_delay", NUMBER, 0L, true, CHECKED, "Seconds to wait between two spawns");
        scalar("shell", BOOLEAN, false, false, CHECKED, "Run cmd through the shell");
        scalar("shell_args", STRING, null, false, NONE, "Arguments given to the shell when shell is true");
        scalar("send_hup", BOOLEAN, false, true, CHECKED, "Reload by sending SIGHUP instead of restarting");
        scalar("stop_signal", SIGNAL, 15, true, CHECKED, "Signal that asks a process to stop");
        scalar("stop_children", BOOLEAN, false, true, CHECKED, "Send the stop signal to the children too");
        scalar("max_retry", INTEGER, 5, true, CHECKED,
                "Failed spawns in a row before the watcher stops trying; -1 for no limit");
        scalar("graceful_timeout", NUMBER, 30.0, true, CHECKED,
                "Seconds a stopping process has before it is killed");
        scalar("priority", INTEGER, 0, true, NONE, "Start order among watchers: higher starts first");
        scalar("singleton", BOOLEAN, false, true, UNCHECKED, "At most one process, whatever numprocesses says");
        scalar("use_sockets", BOOLEAN, false, false, NONE, "Pass the [socket:...] descriptors to the processes");
        scalar("copy_env", BOOLEAN, false, false, CHECKED, "Start from circusd's own environment");
        scalar("copy_path", BOOLEAN, false, false, NONE, "Pass circusd's sys.path as PYTHONPATH (needs copy_env)");
        scalar("respawn", BOOLEAN, true, true, CHECKED, "Start a process again when it exits");
        scalar("autostart", BOOLEAN, true, true, NONE, "Start the watcher when circusd starts");
        scalar("close_child_stdin", BOOLEAN, true, false, CHECKED, "Give the processes /dev/null as stdin");
        scalar("close_child_stdout", BOOLEAN, false, false, CHECKED, "Discard the processes' stdout");
        scalar("close_child_stderr", BOOLEAN, false, false, CHECKED, "Discard the processes' stderr");
        scalar("on_demand", BOOLEAN, false, false, NONE,
                "Start the processes on the first connection to the watcher's sockets");
        scalar("max_age", INTEGER, 0L, true, CHECKED, "Seconds after which a process is restarted; 0 for never");
        scalar("max_age_variance", INTEGER, 30L, true, CHECKED, "Random seconds added to max_age per process");
        scalar("stdin_socket", STRING, null, false, NONE, "Name of a [socket:...] given to the processes as stdin");
        scalar("check_flapping", BOOLEAN, true, true, NONE, "Whether the flapping plugin watches this watcher");
        scalar("virtualenv", STRING, null, false, NONE, "Python virtualenv whose site-packages are added (needs copy_env)");
        scalar("virtualenv_py_ver", STRING, null, false, NONE, "Python version of the virtualenv");
        scalar("retry_in", NUMBER, null, true, CHECKED, "Accepted by set and ignored, as Circus does");
        compound("env", ENV, Map.of(), false, CHECKED, "Environment variables of the processes");
        compound("hooks", HOOKS, Map.of(), true, CHECKED, "Several hooks at once, by hook name");
        compound("stdout_stream", STREAM, null, false, CHECKED, "Where the processes' stdout goes: class and settings");
        compound("stderr_stream", STREAM, null, false, CHECKED, "Where the processes' stderr goes: class and settings");
        compound("hooks.", HOOK, null, true, UNCHECKED,
                "A hook run at a point of the watcher's life: its target (java:Class, java:Class#method or "
                        + "exec:program args) and whether its failure is ignored (docs/extending.md)");
        compound("rlimit_", RLIMIT, null, false, CHECKED,
                "A resource limit of the processes (rlimit_nofile, rlimit_core...); empty for unlimited");
        compound("stdout_stream.", STREAM_SETTING, null, false, UNCHECKED,
                "One setting of the stdout stream (class, filename, max_bytes...)");
        compound("stderr_stream.", STREAM_SETTING, null, false, UNCHECKED,
                "One setting of the stderr stream (class, filename, max_bytes...)");
        compound("flapping.", PLUGIN_SETTING, null, true, NONE,
                "A setting of the flapping plugin for this watcher only (flapping.max_retry...)");
        List<WatcherOption> all = new ArrayList<>(KEYS.values());
        all.addAll(FAMILIES);
        ALL = Collections.unmodifiableList(all);
    }

    private WatcherOptionSchema() {
    }

    /** Every option and family, single keys first, in the order of Circus's documentation where it has one. */
    public static List<WatcherOption> options() {
        return ALL;
    }

    /**
     * The option {@code key} is, exactly as written: a single option, else the family it belongs to
     * (the longest matching prefix); empty for a free-form key the schema does not describe.
     */
    public static Optional<WatcherOption> find(String key) {
        if (key == null) {
            return Optional.empty();
        }
        WatcherOption single = KEYS.get(key);
        if (single != null) {
            return Optional.of(single);
        }
        WatcherOption best = null;
        for (WatcherOption family : FAMILIES) {
            if (family.matches(key) && (best == null || family.key().length() > best.key().length())) {
                best = family;
            }
        }
        return Optional.ofNullable(best);
    }

    /** As {@link #find}, for a key that must exist. */
    public static WatcherOption require(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("no watcher option '" + key + "'"));
    }

    /** Circus's hook names, the members of the {@code hooks.} family and the keys of {@code hooks}. */
    public static List<String> hookNames() {
        return HOOK_NAMES;
    }

    private static void scalar(String key, OptionType type, Object defaultValue, boolean live, CircusSupport circus,
                               String description) {
        KEYS.put(key, new WatcherOption(key, type, defaultValue, live, false, circus, description));
    }

    private static void compound(String key, OptionType type, Object defaultValue, boolean live,
                                 CircusSupport circus, String description) {
        WatcherOption option = new WatcherOption(key, type, defaultValue, live, true, circus, description);
        if (option.isFamily()) {
            FAMILIES.add(option);
        } else {
            KEYS.put(key, option);
        }
    }
}
