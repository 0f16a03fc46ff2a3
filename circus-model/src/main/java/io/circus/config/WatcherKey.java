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
 * Where each scalar watcher option of {@link io.circus.config.option.WatcherOptionSchema} lives in a
 * {@link WatcherConfig}: how its text is converted onto the builder, and its current value (for
 * diffs). Type, default and liveness are the schema's. Compound keys (env, hooks, streams, rlimits)
 * are {@link CompoundOptions}.
 */
enum WatcherKey {
    CMD("cmd", (b, v) -> b.cmd(OptionValues.requireText(v)), WatcherConfig::cmd),
    ARGS("args", (b, v) -> b.args(v), WatcherConfig::args),
    WORKING_DIR("working_dir", (b, v) -> b.workingDir(emptyToNull(v)), WatcherConfig::workingDir),
    UID("uid", (b, v) -> b.uid(emptyToNull(v)), WatcherConfig::uid),
    GID("gid", (b, v) -> b.gid(emptyToNull(v)), WatcherConfig::gid),
    EXECUTABLE("executable", (b, v) -> b.executable(emptyToNull(v)), WatcherConfig::executable),
    NUMPROCESSES("numprocesses", (b, v) -> b.numProcesses(parseInt(v, 0)), WatcherConfig::numProcesses),
    WARMUP_DELAY("warmup_delay", (b, v) -> b.warmupDelay(parseSeconds(v)), WatcherConfig::warmupDelay),
    SHELL("shell", (b, v) -> b.shell(parseBool(v)), WatcherConfig::shell),
    SHELL_ARGS("shell_args", (b, v) -> b.shellArgs(emptyToNull(v)), WatcherConfig::shellArgs),
    SEND_HUP("send_hup", (b, v) -> b.sendHup(parseBool(v)), WatcherConfig::sendHup),
    STOP_SIGNAL("stop_signal", (b, v) -> b.stopSignal(OptionValues.parseSignal(v)),
            c -> c.stopSignal().number()),
    STOP_CHILDREN("stop_children", (b, v) -> b.stopChildren(parseBool(v)), WatcherConfig::stopChildren),
    MAX_RETRY("max_retry", (b, v) -> b.maxRetry(parseInt(v, -1)), WatcherConfig::maxRetry),
    GRACEFUL_TIMEOUT("graceful_timeout", (b, v) -> b.gracefulTimeout(parseSeconds(v)),
            WatcherConfig::gracefulTimeout),
    PRIORITY("priority", (b, v) -> b.priority(parseInt(v)), WatcherConfig::priority),
    SINGLETON("singleton", (b, v) -> b.singleton(parseBool(v)), WatcherConfig::singleton),
    USE_SOCKETS("use_sockets", (b, v) -> b.useSockets(parseBool(v)), WatcherConfig::useSockets),
    COPY_ENV("copy_env", (b, v) -> b.copyEnv(parseBool(v)), WatcherConfig::copyEnv),
    COPY_PATH("copy_path", (b, v) -> b.copyPath(parseBool(v)), WatcherConfig::copyPath),
    RESPAWN("respawn", (b, v) -> b.respawn(parseBool(v)), WatcherConfig::respawn),
    AUTOSTART("autostart", (b, v) -> b.autostart(parseBool(v)), WatcherConfig::autostart),
    CLOSE_CHILD_STDIN("close_child_stdin", (b, v) -> b.closeChildStdin(parseBool(v)),
            WatcherConfig::closeChildStdin),
    CLOSE_CHILD_STDOUT("close_child_stdout", (b, v) -> b.closeChildStdout(parseBool(v)),
            WatcherConfig::closeChildStdout),
    CLOSE_CHILD_STDERR("close_child_stderr", (b, v) -> b.closeChildStderr(parseBool(v)),
            WatcherConfig::closeChildStderr),
    ON_DEMAND("on_demand", (b, v) -> b.onDemand(parseBool(v)), WatcherConfig::onDemand),
    MAX_AGE("max_age", (b, v) -> b.maxAge(parseSeconds(v)), WatcherConfig::maxAge),
    MAX_AGE_VARIANCE("max_age_variance", (b, v) -> b.maxAgeVariance(parseSeconds(v)),
            WatcherConfig::maxAgeVariance),
    // Socket names are lower-cased when loaded, so the reference is too.
    STDIN_SOCKET("stdin_socket", (b, v) -> b.stdinSocket(lowerOrNull(v)), WatcherConfig::stdinSocket),
    // No field in WatcherConfig: these three are kept in extra, under their own key.
    CHECK_FLAPPING("check_flapping", (b, v) -> b.extra("check_flapping", Boolean.toString(parseBool(v))),
            c -> c.extra().get("check_flapping")),
    VIRTUALENV("virtualenv", (b, v) -> b.extra("virtualenv", v), c -> c.extra().get("virtualenv")),
    VIRTUALENV_PY_VER("virtualenv_py_ver", (b, v) -> b.extra("virtualenv_py_ver", v),
            c -> c.extra().get("virtualenv_py_ver"));

    private static final Map<String, WatcherKey> BY_KEY = new HashMap<>();

    static {
        for (WatcherKey k : values()) {
            BY_KEY.put(k.key, k);
        }
    }

    final String key;
    private final BiConsumer<WatcherConfig.Builder, String> setter;
    private final Function<WatcherConfig, Object> getter;

    WatcherKey(String key, BiConsumer<WatcherConfig.Builder, String> setter,
               Function<WatcherConfig, Object> getter) {
        this.key = key;
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
