package io.circus.runtime.core;

import io.circus.config.WatcherConfig;
import io.circus.event.EventType;
import io.circus.event.ExitCause;
import io.circus.hook.HookName;
import io.circus.process.Capability;
import io.circus.process.Credentials;
import io.circus.process.ExitStatus;
import io.circus.process.GroupMode;
import io.circus.process.InheritedFd;
import io.circus.process.ManagedProcess;
import io.circus.process.Rlimit;
import io.circus.process.Signal;
import io.circus.process.SpawnException;
import io.circus.process.SpawnRequest;
import io.circus.process.Stdio;
import io.circus.runtime.ProcessState;
import io.circus.socket.BoundSocket;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spawns, stops and reaps the processes of one watcher's slots. Runs on the supervisor loop only;
 * every future it returns is completed there.
 */
final class SlotLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SlotLifecycle.class);

    private final RuntimeContext ctx;
    private final WatcherCore watcher;

    SlotLifecycle(RuntimeContext ctx, WatcherCore watcher) {
        this.ctx = ctx;
        this.watcher = watcher;
    }

    private GroupMode groupMode() {
        return ctx.launcher().can(Capability.SESSION) ? GroupMode.NEW_SESSION : GroupMode.NONE;
    }

    // ---- spawning -------------------------------------------------------------------------------

    /**
     * Spawns the slot's process, retrying spawn errors up to max_retry (at least one attempt). A
     * failure for want of a resource (EMFILE, ENFILE, EAGAIN, ENOMEM) is not the program's fault: it
     * is retried in the background with the slot's back-off, whatever max_retry says, and the slot
     * counts as kept.
     *
     * @return true once running or retrying in the background, false when every attempt failed or
     *         the slot was stopped meanwhile
     */
    CompletableFuture<Boolean> spawn(ProcessSlot slot) {
        WatcherHooks hooks = watcher.hooks();
        if (!hooks.defines(HookName.BEFORE_SPAWN) && !hooks.defines(HookName.AFTER_SPAWN)) {
            return attempt(slot, 1);
        }
        // Circus: a false or failed before_spawn means no spawn and the watcher stops; a false or failed
        // after_spawn kills the new process (no spawn event) and the watcher stops.
        return hooks.call(HookName.BEFORE_SPAWN).thenCompose(go -> {
            if (go) {
                return attempt(slot, 1);
            }
            settle(slot);
            return CompletableFuture.completedFuture(false);
        }).thenCompose(ok -> {
            ManagedProcess process = slot.process();
            if (!ok || process == null || !hooks.defines(HookName.AFTER_SPAWN)) {
                return CompletableFuture.completedFuture(ok);
            }
            return hooks.call(HookName.AFTER_SPAWN, process.pid(), 0, null, null, null).thenApply(go -> {
                if (slot.process() != process) {
                    return go;
                }
                if (go) {
                    publishSpawn(slot, process);
                    return true;
                }
                kill(slot, watcher.config().stopSignal(), watcher.config().gracefulTimeout(), false);
                return false;
            });
        });
    }

    private CompletableFuture<Boolean> attempt(ProcessSlot slot, int attempt) {
        if (slot.retired() || slot.stopWaitsForSpawn() || ctx.isQuitting() || watcher.stopPending()) {
            // A stop (or quit) came while this attempt waited for its turn: it wins.
            settle(slot);
            return CompletableFuture.completedFuture(false);
        }
        WatcherConfig config = watcher.config();
        slot.spawnStarted();
        List<String> argv;
        SpawnRequest request;
        List<BoundSocket> fresh = List.of();
        try {
            Map<String, String> env = childEnv(config);
            fresh = ctx.sockets().freshFor(config);
            Map<String, Integer> fds = new HashMap<>(ctx.sockets().fds());
            fresh.forEach(s -> fds.put(s.name(), s.fd()));
            argv = ArgvExpander.argv(config, slot.wid(), env, fds);
            request = request(config, argv, env, CredentialResolver.resolve(config.uid(), config.gid()), fds, fresh);
        } catch (SpawnException | IOException | RuntimeException e) {
            fresh.forEach(BoundSocket::close);
            return failed(slot, attempt, e);
        }
        List<BoundSocket> handedOver = fresh;
        return ctx.spawner().spawn(request).handle((process, error) -> {
            // The child has its own copy of a per-process (so_reuseport) socket; the daemon lets go.
            handedOver.forEach(BoundSocket::close);
            if (error != null) {
                return failed(slot, attempt, error instanceof CompletionException ? error.getCause() : error);
            }
            started(slot, process, argv);
            return CompletableFuture.completedFuture(slot.process() == process || slot.stopUnderWay());
        }).thenCompose(f -> f);
    }

    private CompletableFuture<Boolean> failed(ProcessSlot slot, int attempt, Throwable error) {
        WatcherConfig config = watcher.config();
        boolean resource = error instanceof SpawnException se && se.resourceShortage();
        if (resource && watcher.backoffTracker().active()) {
            LOG.debug("error in '{}': {}", config.name(), error.getMessage());
        } else {
            LOG.error("error in '{}': {}", config.name(), String.valueOf(error.getMessage()),
                    error instanceof Error ? error : null);
        }
        watcher.spawnFailed(String.valueOf(error.getMessage()));
        ctx.events().publish(EventType.SPAWN_FAILED, config.name(), slot.wid(), 0,
                Map.of("error", String.valueOf(error.getMessage()), "attempt", attempt));
        if (slot.retired() || slot.stopWaitsForSpawn() || ctx.isQuitting()) {
            settle(slot);
            return CompletableFuture.completedFuture(false);
        }
        if (resource) {
            slot.spawnPostponed();
            watcher.retryLater(slot, slot.backoff().afterFailure(), "spawn failed: " + error.getMessage());
            return CompletableFuture.completedFuture(true);
        }
        boolean retryable = error instanceof SpawnException;
        boolean more = config.maxRetry() < 0 || attempt < Math.max(1, config.maxRetry());
        if (!retryable || !more) {
            settle(slot);
            return CompletableFuture.completedFuture(false);
        }
        // Circus retries back to back; an endless retry (-1) backs off so it cannot spin.
        long delay = config.maxRetry() < 0 ? slot.backoff().next(0) : 0;
        return ctx.loop().delay(delay).thenCompose(x -> attempt(slot, attempt + 1));
    }

    /** No process will run in the slot: release a stop waiting for the spawn. */
    private void settle(ProcessSlot slot) {
        slot.spawnAbandoned();
    }

    private void started(ProcessSlot slot, ManagedProcess process, List<String> argv) {
        slot.spawned(process, argv);
        WatcherConfig config = watcher.config();
        if (!watcher.hooks().defines(HookName.AFTER_SPAWN)) {
            publishSpawn(slot, process);
        }
        process.onExit().whenComplete((status, error) -> ctx.loop().execute(
                () -> reaped(slot, process, error == null ? status : ExitStatus.killed(Signal.KILL.number(), false))));
        // Spawned while the arbiter began to quit: the stop that covered this slot is over.
        boolean quitting = ctx.isQuitting() && !slot.stopUnderWay();
        if (quitting || slot.stopUnderWay()) {
            slot.killBegun(quitting);
            beginKill(slot, process, config.stopSignal(), config.gracefulTimeout());
            return;
        }
        if (!config.maxAge().isZero()) {
            long variance = config.maxAgeVariance().toNanos();
            long age = config.maxAge().toNanos() + (variance > 0 ? ThreadLocalRandom.current().nextLong(variance + 1) : 0);
            slot.expireAfter(age, () -> watcher.expired(slot));
        }
        if (watcher.backoffTracker().contains(slot)) {
            slot.stableAfter(Backoff.STABLE.toNanos(), () -> {
                if (slot.process() == process) {
                    slot.backoff().reset();
                    watcher.backoffTracker().stable(slot);
                }
            });
        }
    }

    private void publishSpawn(ProcessSlot slot, ManagedProcess process) {
        ctx.events().publish(EventType.SPAWN, watcher.name(), slot.wid(), process.pid(),
                Map.of("time", process.startedEpochMillis() / 1000.0));
    }

    private Map<String, String> childEnv(WatcherConfig config) {
        if (!config.copyEnv()) {
            return config.env();
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(config.env());
        return env;
    }

    private SpawnRequest request(WatcherConfig config, List<String> argv, Map<String, String> env,
                                 Credentials credentials, Map<String, Integer> fds, List<BoundSocket> fresh) {
        WatcherOutput output = watcher.output();
        SpawnRequest.Builder b = SpawnRequest.builder(argv)
                .executable(config.executable())
                .env(env)
                .cwd(config.workingDir() == null ? null : Path.of(config.workingDir()))
                .stdin(config.closeChildStdin() ? Stdio.NULL : Stdio.INHERIT)
                .stdout(config.closeChildStdout() ? Stdio.NULL : output.stdout())
                .stderr(config.closeChildStderr() ? Stdio.NULL : output.stderr())
                .sink(output.sink())
                .credentials(credentials)
                .umask(ctx.umask())
                .group(groupMode())
                // Descendants left in the group of a dead leader would be orphans nobody supervises;
                // the launcher kills them before reaping the leader, while the group id is still its.
                .killGroupOnExit(true);
        for (Map.Entry<Rlimit, Long> e : config.rlimits().entrySet()) {
            b.rlimit(e.getKey(), e.getValue());
        }
        if (config.useSockets()) {
            for (int fd : fds.values()) {
                b.fd(new InheritedFd(fd, fd));
            }
        } else {
            fresh.forEach(s -> b.fd(s.inheritAtSameNumber()));
        }
        if (config.stdinSocket() != null) {
            Integer fd = fds.get(config.stdinSocket().toLowerCase(java.util.Locale.ROOT));
            if (fd == null) {
                throw new IllegalArgumentException("stdin_socket '" + config.stdinSocket() + "' does not exist");
            }
            b.fd(new InheritedFd(fd, 0));
        }
        return b.build();
    }

    // ---- stopping -------------------------------------------------------------------------------

    /**
     * Runs the kill sequence on a slot: the signal (to the whole group with stop_children), then
     * SIGKILL to the group after the timeout. Idempotent while one runs.
     *
     * @param retire never respawn this slot afterwards
     * @return completes with the exit status once reaped (null if no process ran)
     */
    CompletableFuture<ExitStatus> kill(ProcessSlot slot, Signal signal, Duration timeout, boolean retire) {
        CompletableFuture<ExitStatus> running = slot.stopAsked(retire);
        ManagedProcess process = slot.process();
        if (running != null) {
            if (process != null && slot.state() == ProcessState.STOPPING) {
                hasten(slot, process, signal, timeout);
            }
            return running;
        }
        if (process == null) {
            if (slot.state() == ProcessState.SPAWNING) {
                return slot.stopOnceSpawned();
            }
            return CompletableFuture.completedFuture(slot.lastExit());
        }
        CompletableFuture<ExitStatus> stop = slot.killBegun(false);
        beginKill(slot, process, signal, timeout);
        return stop;
    }

    /**
     * A kill sequence already runs on the slot: send this signal too and move SIGKILL earlier when
     * this timeout ends first, so an operator's kill never waits behind a long graceful stop.
     */
    private void hasten(ProcessSlot slot, ManagedProcess process, Signal signal, Duration timeout) {
        WatcherConfig config = watcher.config();
        boolean sent = config.stopChildren() && groupMode() != GroupMode.NONE
                ? process.signalGroup(signal) : process.signal(signal);
        ctx.events().publish(EventType.KILL, config.name(), slot.wid(), process.pid(),
                Map.of("time", System.currentTimeMillis() / 1000.0, "signal", signal.number()));
        if (sent) {
            slot.escalateAfter(timeout.toNanos(), () -> escalate(slot, process));
        }
    }

    /** Sends the stop signal of a kill sequence the slot began ({@link ProcessSlot#killBegun}). */
    private void beginKill(ProcessSlot slot, ManagedProcess process, Signal signal, Duration timeout) {
        WatcherHooks hooks = watcher.hooks();
        if (!hooks.defines(HookName.BEFORE_SIGNAL) && !hooks.defines(HookName.AFTER_SIGNAL)) {
            deliverStop(slot, process, signal, timeout, true);
            return;
        }
        // Circus: a false before_signal vetoes the signal (the kill event is still published, and SIGKILL
        // follows after the graceful timeout); after_signal's result is ignored.
        hooks.call(HookName.BEFORE_SIGNAL, process.pid(), signal.number(), null, null, null).thenAccept(go -> {
            if (slot.process() != process) {
                return; // Reaped meanwhile.
            }
            deliverStop(slot, process, signal, timeout, go || signal.number() == Signal.KILL.number());
            hooks.call(HookName.AFTER_SIGNAL, process.pid(), signal.number(), null, null, null);
        });
    }

    private void deliverStop(ProcessSlot slot, ManagedProcess process, Signal signal, Duration timeout, boolean send) {
        WatcherConfig config = watcher.config();
        boolean sent = send && (config.stopChildren() && groupMode() != GroupMode.NONE
                ? process.signalGroup(signal) : process.signal(signal));
        ctx.events().publish(EventType.KILL, config.name(), slot.wid(), process.pid(),
                Map.of("time", System.currentTimeMillis() / 1000.0, "signal", signal.number()));
        if (send && !sent) {
            return; // Already gone: the exit is on its way.
        }
        // Unless an operator's kill (hasten) armed an earlier SIGKILL while before_signal ran.
        slot.escalateAfter(timeout.toNanos(), () -> escalate(slot, process));
    }

    private void escalate(ProcessSlot slot, ManagedProcess process) {
        if (slot.process() != process) {
            return;
        }
        slot.escalated();
        LOG.info("{}: pid {} did not stop within graceful_timeout, sending SIGKILL", watcher.name(), process.pid());
        // SIGKILL cannot be vetoed: the signal hooks are told, and not waited for.
        watcher.hooks().call(HookName.BEFORE_SIGNAL, process.pid(), Signal.KILL.number(), null, null, null);
        killGroup(process);
        process.signal(Signal.KILL);
        watcher.hooks().call(HookName.AFTER_SIGNAL, process.pid(), Signal.KILL.number(), null, null, null);
        ctx.events().publish(EventType.KILL, watcher.name(), slot.wid(), process.pid(),
                Map.of("time", System.currentTimeMillis() / 1000.0, "signal", Signal.KILL.number()));
    }

    private void killGroup(ManagedProcess process) {
        if (groupMode() != GroupMode.NONE) {
            process.signalGroup(Signal.KILL);
        }
    }

    // ---- reaping --------------------------------------------------------------------------------

    private void reaped(ProcessSlot slot, ManagedProcess process, ExitStatus status) {
        if (slot.process() != process) {
            return;
        }
        long uptime = slot.uptimeTicks();
        CompletableFuture<ExitStatus> stop = slot.reaped(status);
        ExitCause cause = stop != null ? (slot.wasEscalated() ? ExitCause.TIMED_OUT : ExitCause.COMMANDED)
                : status.signalled() ? ExitCause.SIGNALLED
                : status.code() == 0 ? ExitCause.EXITED : ExitCause.CRASHED;
        double time = System.currentTimeMillis() / 1000.0;
        // Immutable maps, which the event keeps as they are (a HashMap was copied again).
        Map<String, Object> fields = status.signalled()
                ? Map.of("time", time, "exit_code", status.circusExitCode(), "cause", cause.label(), "signal", status.signal())
                : Map.of("time", time, "exit_code", status.circusExitCode(), "cause", cause.label());
        // The reap hooks' results are ignored, so the supervision does not wait for them.
        watcher.hooks().call(HookName.BEFORE_REAP, process.pid(), 0, null, null, null);
        ctx.events().publish(EventType.REAP, watcher.name(), slot.wid(), process.pid(), fields);
        watcher.hooks().afterReap(process.pid(), System.currentTimeMillis() / 1000.0, status.circusExitCode(),
                stop != null ? null : "DEAD_OR_ZOMBIE");
        if (stop != null) {
            stop.complete(status);
        } else {
            watcher.unaskedExit(slot, process.pid(), status, uptime);
        }
    }
}
