package io.circus.config;

import static io.circus.config.OptionValues.emptyToNull;
import static io.circus.config.OptionValues.parseBool;
import static io.circus.config.OptionValues.parseInt;
import static io.circus.config.OptionValues.parseSeconds;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The scalar watcher options: ini key, whether a change applies without restarting processes, how a
 * string is converted onto the builder, and the current value (for diffs). Compound keys (env, hooks,
 * streams, rlimits) live in {@link CompoundOptions}.
 */
enum WatcherKey {
    CMD("cmd", false, (b, v) -> b.cmd(OptionValues.requireText(v)), WatcherConfig::cmd),
    ARGS("args", false, (b, v) -> b.args(v), WatcherConfig::args),
    WORKING_DIR("working_dir", false, (b, v) -> b.workingDir(emptyToNull(v)), WatcherConfig::workingDir),
    UID("uid", false, (b, v) -> b.uid(emptyToNull(v)), WatcherConfig::uid),
    GID("gid", false, (b, v) -> b.gid(emptyToNull(v)), WatcherConfig::gid),
    EXECUTABLE("executable", false, (b, v) -> b.executable(emptyToNull(v)), WatcherConfig::executable),
    NUMPROCESSES("numprocesses", true, (b, v) -> b.numProcesses(parseInt(v, 0)), WatcherConfig::numProcesses),
    WARMUP_DELAY("warmup_delay", true, (b, v) -> b.warmupDelay(parseSeconds(v)), WatcherConfig::warmupDelay),
    SHELL("shell", false, (b, v) -> b.shell(parseBool(v)), WatcherConfig::shell),
    SHELL_ARGS("shell_args", false, (b, v) -> b.shellArgs(emptyToNull(v)), WatcherConfig::shellArgs),
    SEND_HUP("send_hup", true, (b, v) -> b.sendHup(parseBool(v)), WatcherConfig::sendHup),
    STOP_SIGNAL("stop_signal", true, (b, v) -> b.stopSignal(OptionValues.parseSignal(v)),
            c -> c.stopSignal().number()),
    STOP_CHILDREN("stop_children", true, (b, v) -> b.stopChildren(parseBool(v)), WatcherConfig::stopChildren),
    MAX_RETRY("max_retry", true, (b, v) -> b.maxRetry(parseInt(v, -1)), WatcherConfig::maxRetry),
    GRACEFUL_TIMEOUT("graceful_timeout", true, (b, v) -> b.gracefulTimeout(parseSeconds(v)),
            WatcherConfig::gracefulTimeout),
    PRIORITY("priority", true, (b, v) -> b.priority(parseInt(v)), WatcherConfig::priority),
    SINGLETON("singleton", true, (b, v) -> b.singleton(parseBool(v)), WatcherConfig::singleton),
    USE_SOCKETS("use_sockets", false, (b, v) -> b.useSockets(parseBool(v)), WatcherConfig::useSockets),
    COPY_ENV("copy_env", false, (b, v) -> b.copyEnv(parseBool(v)), WatcherConfig::copyEnv),
    COPY_PATH("copy_path", false, (b, v) -> b.copyPath(parseBool(v)), WatcherConfig::copyPath),
    RESPAWN("respawn", true, (b, v) -> b.respawn(parseBool(v)), WatcherConfig::respawn),
    AUTOSTART("autostart", true, (b, v) -> b.autostart(parseBool(v)), WatcherConfig::autostart),
    CLOSE_CHILD_STDIN("close_child_stdin", false, (b, v) -> b.closeChildStdin(parseBool(v)),
            WatcherConfig::closeChildStdin),
    CLOSE_CHILD_STDOUT("close_child_stdout", false, (b, v) -> b.closeChildStdout(parseBool(v)),
            WatcherConfig::closeChildStdout),
    CLOSE_CHILD_STDERR("close_child_stderr", false, (b, v) -> b.closeChildStderr(parseBool(v)),
            WatcherConfig::closeChildStderr),
    ON_DEMAND("on_demand", false, (b, v) -> b.onDemand(parseBool(v)), WatcherConfig::onDemand),
    MAX_AGE("max_age", true, (b, v) -> b.maxAge(parseSeconds(v)), WatcherConfig::maxAge),
    MAX_AGE_VARIANCE("max_age_variance", true, (b, v) -> b.maxAgeVariance(parseSeconds(v)),
            WatcherConfig::maxAgeVariance),
    // Socket names are lower-cased when loaded, so the reference is too.
    STDIN_SOCKET("stdin_socket", false, (b, v) -> b.stdinSocket(lowerOrNull(v)), WatcherConfig::stdinSocket),
    // No field in WatcherConfig: these three are kept in extra, under their own key.
    CHECK_FLAPPING("check_flapping", true, (b, v) -> b.extra("check_flapping", Boolean.toString(parseBool(v))),
            c -> c.extra().get("check_flapping")),
    VIRTUALENV("virtualenv", false, (b, v) -> b.extra("virtualenv", v), c -> c.extra().get("virtualenv")),
    VIRTUALENV_PY_VER("virtualenv_py_ver", false, (b, v) -> b.extra("virtualenv_py_ver", v),
            c -> c.extra().get("virtualenv_py_ver"));

    private static final Map<String, WatcherKey> BY_KEY = new HashMap<>();

    static {
        for (WatcherKey k : values()) {
            BY_KEY.put(k.key, k);
        }
    }

    final String key;
    final boolean live;
    private final BiConsumer<WatcherConfig.Builder, String> setter;
    private final Function<WatcherConfig, Object> getter;

    WatcherKey(String key, boolean live, BiConsumer<WatcherConfig.Builder, String> setter,
               Function<WatcherConfig, Object> getter) {
        this.key = key;
        this.live = live;
        this.setter = setter;
        this.getter = getter;
    }

    /** The option with this exact (lower-case) key, or null. */
    static WatcherKey find(String key) {
        return BY_KEY.get(key);
    }

    /** Whether the value is stored in {@link WatcherConfig#extra()} rather than a field. */
    boolean inExtra() {
        return this == CHECK_FLAPPING || this == VIRTUALENV || this == VIRTUALENV_PY_VER;
    }

    void set(WatcherConfig.Builder builder, String value) {
        setter.accept(builder, value);
    }

    Object get(WatcherConfig config) {
        return getter.apply(config);
    }

    private static String lowerOrNull(String v) {
        return v == null || v.isBlank() ? null : v.strip().toLowerCase(Locale.ROOT);
    }
}
