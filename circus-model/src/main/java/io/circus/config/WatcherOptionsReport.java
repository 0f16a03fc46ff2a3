package io.circus.config;

import static io.circus.config.CompoundOptions.HOOKS_PREFIX;
import static io.circus.config.CompoundOptions.RLIMIT_PREFIX;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Watcher definitions as maps: Circus's {@code options} reply, and every setting for diffs. */
final class WatcherOptionsReport {

    // Extra keys that Circus passes as constructor arguments, so its options reply never shows them.
    private static final Set<String> UNREPORTED_EXTRA = Set.of("virtualenv", "virtualenv_py_ver");

    private WatcherOptionsReport() {
    }

    /**
     * The keys of Circus's {@code Watcher.optnames} plus every free-form option, sorted as Circus sorts
     * them. Values are what Circus's JSON shows: ints, floats, booleans, strings or null, an env object
     * and the stream settings without their {@code class}.
     */
    static Map<String, Object> options(WatcherConfig c) {
        Map<String, Object> m = new TreeMap<>();
        m.put("numprocesses", c.numProcesses());
        m.put("warmup_delay", OptionValues.seconds(c.warmupDelay()));
        m.put("working_dir", c.workingDir());
        m.put("uid", c.uid());
        m.put("gid", c.gid());
        m.put("send_hup", c.sendHup());
        m.put("stop_signal", c.stopSignal().number());
        m.put("stop_children", c.stopChildren());
        m.put("shell", c.shell());
        m.put("shell_args", c.shellArgs());
        m.put("env", Collections.unmodifiableMap(new TreeMap<>(c.env())));
        m.put("max_retry", c.maxRetry());
        m.put("cmd", c.cmd());
        m.put("args", c.args());
        m.put("respawn", c.respawn());
        m.put("graceful_timeout", OptionValues.secondsAsDouble(c.gracefulTimeout()));
        m.put("executable", c.executable());
        m.put("use_sockets", c.useSockets());
        m.put("priority", c.priority());
        m.put("copy_env", c.copyEnv());
        m.put("singleton", c.singleton());
        m.put("stdout_stream_conf", Collections.unmodifiableMap(new TreeMap<>(c.stdoutStream().options())));
        m.put("on_demand", c.onDemand());
        m.put("stderr_stream_conf", Collections.unmodifiableMap(new TreeMap<>(c.stderrStream().options())));
        m.put("max_age", OptionValues.seconds(c.maxAge()));
        m.put("max_age_variance", OptionValues.seconds(c.maxAgeVariance()));
        m.put("close_child_stdin", c.closeChildStdin());
        m.put("close_child_stdout", c.closeChildStdout());
        m.put("close_child_stderr", c.closeChildStderr());
        for (Map.Entry<String, String> e : c.extra().entrySet()) {
            if (UNREPORTED_EXTRA.contains(e.getKey())) {
                continue;
            }
            // Circus converts check_flapping with to_bool, so its reply carries a boolean.
            Object v = e.getKey().equals("check_flapping") ? (Object) Boolean.parseBoolean(e.getValue()) : e.getValue();
            m.putIfAbsent(e.getKey(), v);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Every setting under its ini key, for comparing two definitions; values compare with equals. */
    static Map<String, Object> settings(WatcherConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (WatcherKey k : WatcherKey.values()) {
            if (!k.inExtra()) {
                m.put(k.key, k.get(c));
            }
        }
        m.put("env", c.env());
        c.hooks().forEach((name, hook) -> m.put(HOOKS_PREFIX + name, hook));
        c.rlimits().forEach((r, v) -> m.put(RLIMIT_PREFIX + r.configName(), v));
        stream(m, CompoundOptions.STDOUT, c.stdoutStream());
        stream(m, CompoundOptions.STDERR, c.stderrStream());
        c.extra().forEach(m::putIfAbsent);
        return m;
    }

    private static void stream(Map<String, Object> m, String name, StreamConfig s) {
        if (s.isConfigured()) {
            m.put(name + ".class", s.className());
        }
        s.options().forEach((k, v) -> m.put(name + "." + k, v));
    }
}
