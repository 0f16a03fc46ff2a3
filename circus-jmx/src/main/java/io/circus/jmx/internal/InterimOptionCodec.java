package io.circus.jmx.internal;

import io.circus.config.GlobalSettings;
import io.circus.config.WatcherConfig;
import io.circus.process.Signal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A stand-in for the configuration layer's option table (see {@link OptionCodec}): reports every
 * option Circus's {@code options} lists and applies the scalar ones. Replace with a codec over
 * {@code io.circus.config.WatcherOptions} once that is merged.
 */
final class InterimOptionCodec implements OptionCodec {

    private static final Set<String> LIVE = Set.of("numprocesses", "warmup_delay", "send_hup", "stop_signal",
            "stop_children", "max_retry", "graceful_timeout", "priority", "respawn", "autostart", "max_age",
            "max_age_variance", "singleton");
    private static final Set<String> KEYS = Set.of("numprocesses", "warmup_delay", "working_dir", "uid", "gid",
            "send_hup", "stop_signal", "stop_children", "shell", "cmd", "args", "copy_env", "max_retry",
            "graceful_timeout", "max_age", "max_age_variance", "respawn", "singleton", "priority", "autostart",
            "close_child_stdin", "close_child_stdout", "close_child_stderr");

    @Override
    public WatcherConfig apply(WatcherConfig base, String key, String value) {
        String k = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        String v = value == null ? "" : value.strip();
        WatcherConfig.Builder b = base.toBuilder();
        try {
            switch (k) {
                case "numprocesses" -> b.numProcesses(nonNegative(k, Integer.parseInt(v)));
                case "max_retry" -> b.maxRetry(Integer.parseInt(v));
                case "priority" -> b.priority(Integer.parseInt(v));
                case "warmup_delay" -> b.warmupDelay(seconds(k, v));
                case "graceful_timeout" -> b.gracefulTimeout(seconds(k, v));
                case "max_age" -> b.maxAge(seconds(k, v));
                case "max_age_variance" -> b.maxAgeVariance(seconds(k, v));
                case "stop_signal" -> b.stopSignal(Signal.parse(v));
                case "send_hup" -> b.sendHup(bool(k, v));
                case "stop_children" -> b.stopChildren(bool(k, v));
                case "shell" -> b.shell(bool(k, v));
                case "copy_env" -> b.copyEnv(bool(k, v));
                case "respawn" -> b.respawn(bool(k, v));
                case "singleton" -> b.singleton(bool(k, v));
                case "autostart" -> b.autostart(bool(k, v));
                case "close_child_stdin" -> b.closeChildStdin(bool(k, v));
                case "close_child_stdout" -> b.closeChildStdout(bool(k, v));
                case "close_child_stderr" -> b.closeChildStderr(bool(k, v));
                case "cmd" -> b.cmd(v);
                case "args" -> b.args(v);
                case "working_dir" -> b.workingDir(v.isEmpty() ? null : v);
                case "uid" -> b.uid(v.isEmpty() ? null : v);
                case "gid" -> b.gid(v.isEmpty() ? null : v);
                default -> throw new IllegalArgumentException("unknown key '" + key + "'");
            }
            return b.build();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + k + "' isn't a number: '" + value + "'");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().contains("'" + k + "'") || e.getMessage().startsWith("unknown key")
                    ? e.getMessage() : "'" + k + "' = '" + value + "': " + e.getMessage());
        }
    }

    @Override
    public Map<String, Object> toOptions(WatcherConfig c) {
        Map<String, Object> o = new TreeMap<>();
        o.put("numprocesses", c.numProcesses());
        o.put("warmup_delay", secs(c.warmupDelay()));
        o.put("working_dir", c.workingDir());
        o.put("uid", c.uid());
        o.put("gid", c.gid());
        o.put("send_hup", c.sendHup());
        o.put("stop_signal", c.stopSignal().number());
        o.put("stop_children", c.stopChildren());
        o.put("shell", c.shell());
        o.put("shell_args", c.shellArgs());
        o.put("env", new TreeMap<>(c.env()));
        o.put("max_retry", c.maxRetry());
        o.put("cmd", c.cmd());
        o.put("args", c.args());
        o.put("respawn", c.respawn());
        o.put("graceful_timeout", secs(c.gracefulTimeout()));
        o.put("executable", c.executable());
        o.put("use_sockets", c.useSockets());
        o.put("priority", c.priority());
        o.put("copy_env", c.copyEnv());
        o.put("singleton", c.singleton());
        o.put("stdout_stream_conf", Map.of());
        o.put("stderr_stream_conf", Map.of());
        o.put("on_demand", c.onDemand());
        o.put("max_age", (int) c.maxAge().toSeconds());
        o.put("max_age_variance", (int) c.maxAgeVariance().toSeconds());
        o.put("close_child_stdin", c.closeChildStdin());
        o.put("close_child_stdout", c.closeChildStdout());
        o.put("close_child_stderr", c.closeChildStderr());
        c.extra().forEach(o::putIfAbsent);
        return o;
    }

    @Override
    public Set<String> knownKeys() {
        return KEYS;
    }

    @Override
    public boolean isLive(String key) {
        return LIVE.contains(key.toLowerCase(Locale.ROOT));
    }

    @Override
    public Map<String, Object> globalOptions(GlobalSettings g) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("endpoint", g.endpoint());
        o.put("pubsub_endpoint", g.pubsubEndpoint());
        o.put("stats_endpoint", g.statsEndpoint() != null ? g.statsEndpoint() : "tcp://127.0.0.1:5557");
        o.put("multicast_endpoint", g.multicastEndpoint());
        o.put("check_delay", secs(g.checkDelay()));
        return o;
    }

    private static double secs(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static int nonNegative(String key, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("'" + key + "' must be >= 0, got " + n);
        }
        return n;
    }

    private static Duration seconds(String key, String v) {
        double s = Double.parseDouble(v);
        if (s < 0 || Double.isNaN(s)) {
            throw new IllegalArgumentException("'" + key + "' must be >= 0, got " + v);
        }
        return Duration.ofNanos((long) (s * 1e9));
    }

    private static boolean bool(String key, String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on", "1" -> true;
            case "no", "false", "off", "0" -> false;
            default -> throw new IllegalArgumentException("'" + key + "' isn't a valid boolean: '" + v + "'");
        };
    }
}
