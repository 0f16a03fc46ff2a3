package io.circus.config;

import io.circus.process.Rlimit;
import io.circus.process.Signal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One watcher's sealed definition: what a {@code [watcher:NAME]} section, the {@code add} command
 * or the library API describes. Immutable; a live change ({@code set}) produces a new instance.
 * Defaults are Circus 0.19's. Build with {@link #builder(String, String)} or {@link #toBuilder()}.
 *
 * <p>{@code cmd}, {@code args} and {@code shellArgs} keep unresolved {@code $(circus.wid)} and
 * {@code $(circus.sockets.NAME)} references; they are substituted at spawn time. {@code env} is the
 * complete environment the children get (already including the daemon's when {@code copyEnv}).
 */
public record WatcherConfig(
        String name, String cmd, String args, String executable, String workingDir, String uid, String gid,
        int numProcesses, Duration warmupDelay, boolean shell, String shellArgs, boolean sendHup,
        Signal stopSignal, boolean stopChildren, int maxRetry, Duration gracefulTimeout, int priority,
        boolean singleton, boolean useSockets, boolean copyEnv, boolean copyPath, boolean respawn,
        boolean autostart, boolean closeChildStdin, boolean closeChildStdout, boolean closeChildStderr,
        boolean onDemand, Duration maxAge, Duration maxAgeVariance, Map<String, HookConfig> hooks,
        StreamConfig stdoutStream, StreamConfig stderrStream, Map<Rlimit, Long> rlimits, String stdinSocket,
        Map<String, String> env, Map<String, String> extra) {

    public WatcherConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cmd, "cmd");
        if (name.isBlank()) {
            throw new IllegalArgumentException("watcher name is empty");
        }
        if (numProcesses < 0) {
            throw new IllegalArgumentException("numprocesses must be >= 0, got " + numProcesses);
        }
        if (singleton && numProcesses > 1) {
            throw new IllegalArgumentException("a singleton watcher cannot have " + numProcesses + " processes");
        }
        hooks = Map.copyOf(hooks);
        rlimits = rlimits.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(rlimits));
        env = Map.copyOf(env);
        extra = Map.copyOf(extra);
        stdoutStream = stdoutStream == null ? StreamConfig.NONE : stdoutStream;
        stderrStream = stderrStream == null ? StreamConfig.NONE : stderrStream;
    }

    public static Builder builder(String name, String cmd) {
        return new Builder(name, cmd);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The same definition with another process count (a live change that restarts nothing). */
    public WatcherConfig withNumProcesses(int n) {
        return toBuilder().numProcesses(n).build();
    }

    /** Fluent, mutable builder starting from Circus's defaults. */
    public static final class Builder {
        private String name;
        private String cmd;
        private String args = "";
        private String executable;
        private String workingDir;
        private String uid;
        private String gid;
        private int numProcesses = 1;
        private Duration warmupDelay = Duration.ZERO;
        private boolean shell;
        private String shellArgs;
        private boolean sendHup;
        private Signal stopSignal = Signal.TERM;
        private boolean stopChildren;
        private int maxRetry = 5;
        private Duration gracefulTimeout = Duration.ofSeconds(30);
        private int priority;
        private boolean singleton;
        private boolean useSockets;
        private boolean copyEnv;
        private boolean copyPath;
        private boolean respawn = true;
        private boolean autostart = true;
        private boolean closeChildStdin = true;
        private boolean closeChildStdout;
        private boolean closeChildStderr;
        private boolean onDemand;
        private Duration maxAge = Duration.ZERO;
        private Duration maxAgeVariance = Duration.ofSeconds(30);
        private final Map<String, HookConfig> hooks = new LinkedHashMap<>();
        private StreamConfig stdoutStream = StreamConfig.NONE;
        private StreamConfig stderrStream = StreamConfig.NONE;
        private final Map<Rlimit, Long> rlimits = new EnumMap<>(Rlimit.class);
        private String stdinSocket;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<String, String> extra = new LinkedHashMap<>();

        private Builder(String name, String cmd) {
            this.name = name;
            this.cmd = cmd;
        }

        private Builder(WatcherConfig c) {
            name = c.name; cmd = c.cmd; args = c.args; executable = c.executable; workingDir = c.workingDir;
            uid = c.uid; gid = c.gid; numProcesses = c.numProcesses; warmupDelay = c.warmupDelay;
            shell = c.shell; shellArgs = c.shellArgs; sendHup = c.sendHup; stopSignal = c.stopSignal;
            stopChildren = c.stopChildren; maxRetry = c.maxRetry; gracefulTimeout = c.gracefulTimeout;
            priority = c.priority; singleton = c.singleton; useSockets = c.useSockets; copyEnv = c.copyEnv;
            copyPath = c.copyPath; respawn = c.respawn; autostart = c.autostart;
            closeChildStdin = c.closeChildStdin; closeChildStdout = c.closeChildStdout;
            closeChildStderr = c.closeChildStderr; onDemand = c.onDemand; maxAge = c.maxAge;
            maxAgeVariance = c.maxAgeVariance; hooks.putAll(c.hooks); stdoutStream = c.stdoutStream;
            stderrStream = c.stderrStream; rlimits.putAll(c.rlimits); stdinSocket = c.stdinSocket;
            env.putAll(c.env); extra.putAll(c.extra);
        }

        public Builder name(String v) { name = v; return this; }
        public Builder cmd(String v) { cmd = v; return this; }
        public Builder args(String v) { args = v == null ? "" : v; return this; }
        public Builder executable(String v) { executable = v; return this; }
        public Builder workingDir(String v) { workingDir = v; return this; }
        public Builder uid(String v) { uid = v; return this; }
        public Builder gid(String v) { gid = v; return this; }
        public Builder numProcesses(int v) { numProcesses = v; return this; }
        public Builder warmupDelay(Duration v) { warmupDelay = v; return this; }
        public Builder shell(boolean v) { shell = v; return this; }
        public Builder shellArgs(String v) { shellArgs = v; return this; }
        public Builder sendHup(boolean v) { sendHup = v; return this; }
        public Builder stopSignal(Signal v) { stopSignal = v; return this; }
        public Builder stopChildren(boolean v) { stopChildren = v; return this; }
        public Builder maxRetry(int v) { maxRetry = v; return this; }
        public Builder gracefulTimeout(Duration v) { gracefulTimeout = v; return this; }
        public Builder priority(int v) { priority = v; return this; }
        public Builder singleton(boolean v) { singleton = v; return this; }
        public Builder useSockets(boolean v) { useSockets = v; return this; }
        public Builder copyEnv(boolean v) { copyEnv = v; return this; }
        public Builder copyPath(boolean v) { copyPath = v; return this; }
        public Builder respawn(boolean v) { respawn = v; return this; }
        public Builder autostart(boolean v) { autostart = v; return this; }
        public Builder closeChildStdin(boolean v) { closeChildStdin = v; return this; }
        public Builder closeChildStdout(boolean v) { closeChildStdout = v; return this; }
        public Builder closeChildStderr(boolean v) { closeChildStderr = v; return this; }
        public Builder onDemand(boolean v) { onDemand = v; return this; }
        public Builder maxAge(Duration v) { maxAge = v; return this; }
        public Builder maxAgeVariance(Duration v) { maxAgeVariance = v; return this; }
        public Builder hook(String hookName, HookConfig v) { hooks.put(hookName, v); return this; }
        public Builder stdoutStream(StreamConfig v) { stdoutStream = v; return this; }
        public Builder stderrStream(StreamConfig v) { stderrStream = v; return this; }
        public Builder rlimit(Rlimit r, long v) { rlimits.put(r, v); return this; }
        public Builder stdinSocket(String v) { stdinSocket = v; return this; }
        public Builder env(Map<String, String> v) { env.clear(); env.putAll(v); return this; }
        public Builder putEnv(String k, String v) { env.put(k, v); return this; }
        public Builder extra(String k, String v) { extra.put(k, v); return this; }

        public WatcherConfig build() {
            return new WatcherConfig(name, cmd, args, executable, workingDir, uid, gid, numProcesses, warmupDelay,
                    shell, shellArgs, sendHup, stopSignal, stopChildren, maxRetry, gracefulTimeout, priority,
                    singleton, useSockets, copyEnv, copyPath, respawn, autostart, closeChildStdin,
                    closeChildStdout, closeChildStderr, onDemand, maxAge, maxAgeVariance, hooks, stdoutStream,
                    stderrStream, rlimits, stdinSocket, env, extra);
        }
    }
}
