package io.circus.runtime.core;

import io.circus.config.CircusConfig;
import io.circus.config.GlobalSettings;
import io.circus.config.WatcherConfig;
import io.circus.event.EventType;
import io.circus.runtime.ConfigDiff;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code reloadconfig} as a precise diff: removed watchers stop, added ones start, changed ones are
 * updated live or restarted alone, untouched ones keep their processes. Everything that can fail
 * (a watcher the backend cannot run, a stream that cannot open) is checked before anything changes.
 *
 * <p>As in Circus, the diff is between the configuration as last loaded and the new one, not between
 * the running state and the file: a watcher whose section did not change keeps its run-time changes
 * ({@code incr}, {@code set}), and a changed section applies only the options that changed in the
 * file ({@link ConfigMerge}). {@code [circus]} values and sockets apply only when circusd starts, so
 * their changes are reported and the configuration in effect keeps the old ones: {@code globaloptions}
 * shows what is in effect, and the next reload reports the same changes again.
 */
final class ConfigReloader {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);

    private final ArbiterCore arbiter;

    ConfigReloader(ArbiterCore arbiter) {
        this.arbiter = arbiter;
    }

    CompletableFuture<ConfigDiff> apply(CircusConfig next) {
        CircusConfig loaded = arbiter.config();
        Map<String, WatcherCore> current = new HashMap<>();
        for (WatcherCore w : arbiter.watcherCores()) {
            current.put(w.name().toLowerCase(Locale.ROOT), w);
        }
        List<String> added = new ArrayList<>(), removed = new ArrayList<>(), restarted = new ArrayList<>();
        List<String> updated = new ArrayList<>(), unchanged = new ArrayList<>();
        // Phase 1: build and validate, change nothing.
        List<WatcherConfig> after = new ArrayList<>(next.watchers());
        for (WatcherCore w : arbiter.watcherCores()) {
            if (arbiter.addedAtRunTime(w) && next.watchers().stream().noneMatch(n -> n.name().equalsIgnoreCase(w.name()))) {
                after.add(w.config());
            }
        }
        arbiter.context().budget().checkAll(after);
        List<WatcherCore> toAdd = new ArrayList<>();
        Map<WatcherCore, WatcherConfig> toChange = new HashMap<>();
        for (WatcherConfig file : next.watchers()) {
            WatcherCore existing = current.remove(file.name().toLowerCase(Locale.ROOT));
            WatcherConfig before = loaded.watcher(file.name()).orElse(null);
            if (existing == null) {
                if (file.equals(before)) {
                    // Removed at run time (rm) and unchanged in the file: the removal stands.
                    unchanged.add(file.name());
                } else {
                    toAdd.add(arbiter.newWatcher(file));
                    added.add(file.name());
                }
                continue;
            }
            // A watcher added at run time under a name now in the file has no "before": the file wins.
            WatcherConfig w = before == null ? file : ConfigMerge.merge(before, file, existing.config());
            if (existing.config().equals(w)) {
                unchanged.add(file.name());
            } else {
                CapabilityCheck.validate(w, arbiter.launcher());
                existing.hooks().prepare(w);
                StreamOutput.validate(w);
                toChange.put(existing, w);
                (WatcherCore.onlyLiveChanges(existing.config(), w) ? updated : restarted).add(file.name());
            }
        }
        List<WatcherCore> toRemove = new ArrayList<>();
        for (WatcherCore w : current.values()) {
            if (!arbiter.addedAtRunTime(w)) {
                toRemove.add(w);
                removed.add(w.name());
            }
        }
        pluginChanges(loaded, next, added, removed, restarted, unchanged);
        List<String> needsRestart = new ArrayList<>(globalChanges(loaded.global(), next.global()));
        if (!loaded.sockets().equals(next.sockets())) {
            // Sockets are bound once, when the daemon starts; rebinding under running workers is not safe.
            needsRestart.add("sockets");
        }
        // Phase 2: apply. What is not applied is not stored either: [circus] and sockets stay as in effect.
        arbiter.replaceConfig(next.toBuilder().global(loaded.global()).sockets(loaded.sockets()).build());
        List<CompletableFuture<?>> work = new ArrayList<>();
        toRemove.forEach(w -> work.add(arbiter.removeWatcher(w)));
        toChange.forEach((w, c) -> work.add(w.reconfigure(c)));
        for (WatcherCore w : toAdd) {
            arbiter.installWatcher(w);
            if (w.config().autostart() && !w.config().onDemand()) {
                work.add(w.start());
            }
        }
        ConfigDiff diff = new ConfigDiff(added, removed, restarted, updated, unchanged, needsRestart);
        if (!needsRestart.isEmpty()) {
            LOG.warn("reloadconfig: [circus] settings {} change only when circusd restarts", needsRestart);
        }
        LOG.info("reloadconfig: added {}, removed {}, restarted {}, updated live {}", added, removed, restarted, updated);
        return CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).handle((x, e) -> {
            arbiter.context().events().publish(EventType.CONFIG_RELOADED, null, 0, 0, Map.of(
                    "added", added, "removed", removed, "restarted", restarted, "updated", updated));
            return diff;
        });
    }

    /**
     * Plugins are named {@code plugin:NAME} in the diff, as Circus names their watchers: a changed
     * section restarts its plugin. The plugin host applies them after the {@code config_reloaded} event.
     */
    private static void pluginChanges(CircusConfig before, CircusConfig after, List<String> added, List<String> removed,
                                      List<String> restarted, List<String> unchanged) {
        Map<String, io.circus.config.PluginConfig> old = new java.util.HashMap<>();
        before.plugins().forEach(p -> old.put(p.name(), p));
        for (io.circus.config.PluginConfig p : after.plugins()) {
            io.circus.config.PluginConfig was = old.remove(p.name());
            (was == null ? added : was.equals(p) ? unchanged : restarted).add("plugin:" + p.name());
        }
        old.keySet().forEach(n -> removed.add("plugin:" + n));
    }

    private static List<String> globalChanges(GlobalSettings a, GlobalSettings b) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent c : GlobalSettings.class.getRecordComponents()) {
            try {
                if (!Objects.equals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
                    changed.add(c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }
}
