package io.circus.plugin.builtin;

import io.circus.event.Event;
import io.circus.event.EventType;
import io.circus.jmx.WatcherMXBean;
import io.circus.plugin.Plugin;
import io.circus.plugin.PluginAction;
import io.circus.plugin.PluginContext;
import io.circus.plugin.PluginOptions;
import io.circus.runtime.FlappingStatus;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

/**
 * Circus's Flapping ({@code use = circus.plugins.flapping.Flapping}): a watcher whose processes exit
 * {@code attempts} times within {@code window} seconds (plus Circus's check_delay of 5 s) is stopped,
 * started again after {@code retry_in} seconds, and after {@code max_retry} such retries (-1: no limit)
 * stopped for good. Options: attempts (2), window (1), retry_in (7), max_retry (5), active (true); a
 * watcher's own {@code flapping.*} options override them for that watcher.
 *
 * <p>Unlike Circus, the stop is a waiting MBean operation that the daemon never refuses, so a
 * crash-looping watcher really is stopped; exits the stop itself causes ({@code commanded},
 * {@code timed_out}) and exits while parked are not counted. Each judgement is published as a
 * {@code flapping} event and shown as the watcher's state until it starts again.
 *
 * <p>Threading: everything runs on the plugin's thread (events and the retry timers).
 */
public final class Flapping implements Plugin {

    private static final String PREFIX = "flapping";

    private PluginContext ctx;
    private final Map<String, Track> tracks = new HashMap<>();

    /** One watcher's timeline of exits, retries so far, and its effective options. */
    private static final class Track {
        final ArrayDeque<Long> timeline = new ArrayDeque<>();
        int tries;
        boolean parked;
        ScheduledFuture<?> retry;
        Settings settings;
    }

    private record Settings(int attempts, double window, double retryIn, int maxRetry, boolean active) {
        static Settings of(PluginOptions o) {
            int attempts = o.integer("attempts", 2);
            if (attempts < 1) {
                throw new io.circus.plugin.PluginOptionException(o.plugin(), "attempts", String.valueOf(attempts),
                        "expected an integer >= 1");
            }
            return new Settings(attempts, o.number("window", 1.0), o.number("retry_in", 7.0),
                    o.integer("max_retry", 5), o.bool("active", true));
        }
    }

    private Settings defaults;

    @Override
    public void start(PluginContext context) {
        this.ctx = context;
        this.defaults = Settings.of(context.options());
    }

    @Override
    public void onEvent(Event event) {
        String w = event.watcher();
        if (w == null) {
            return;
        }
        String key = w.toLowerCase(Locale.ROOT);
        switch (event.type()) {
            case REAP -> {
                Object cause = event.fields().get("cause");
                if ("commanded".equals(cause) || "timed_out".equals(cause)) {
                    return;
                }
                Track t = tracks.computeIfAbsent(key, k -> new Track());
                if (!t.parked) {
                    check(w, t);
                }
            }
            case UPDATED -> {
                Track t = tracks.get(key);
                if (t != null) {
                    t.settings = null;
                }
            }
            case START -> {
                Track t = tracks.get(key);
                if (t != null && t.parked) {
                    t.parked = false;
                    if (t.retry != null && !t.retry.isDone()) {
                        // Started by someone else before our retry: the retry is moot.
                        t.retry.cancel(false);
                    }
                    ctx.flapping(w, FlappingStatus.NONE);
                }
            }
            case REMOVE -> {
                Track t = tracks.remove(key);
                if (t != null && t.retry != null) {
                    t.retry.cancel(false);
                }
                ctx.flapping(w, FlappingStatus.NONE);
            }
            default -> {
            }
        }
    }

    private void check(String watcher, Track t) {
        if (t.settings == null) {
            try {
                t.settings = Settings.of(ctx.options().with(ctx.watcherOverrides(watcher, PREFIX)));
            } catch (io.circus.plugin.PluginOptionException e) {
                // A bad flapping.* option of one watcher: that watcher is not judged; the others are.
                ctx.failed("[watcher:" + watcher + "] " + PREFIX + "." + e.key() + ": " + e.getMessage(), null);
                return;
            }
        }
        Settings s = t.settings;
        if (!s.active()) {
            return;
        }
        ctx.checked();
        t.timeline.addLast(System.nanoTime());
        if (t.timeline.size() < s.attempts()) {
            return;
        }
        double span = (t.timeline.peekLast() - t.timeline.peekFirst()) / 1e9;
        t.timeline.clear();
        // Circus subtracts its check_delay (always 5.0 for plugins) from the span before comparing.
        if (span - ctx.checkDelaySeconds() > s.window()) {
            t.tries = 0;
            return;
        }
        String reason = String.format(Locale.ROOT, "%d exits within %.1f s", s.attempts(), span);
        Optional<WatcherMXBean> bean = ctx.watcher(watcher);
        if (bean.isEmpty()) {
            return;
        }
        if (t.tries < s.maxRetry() || s.maxRetry() == -1) {
            t.tries++;
            park(watcher, t, bean.get(), s, reason);
        } else {
            int tries = t.tries;
            t.tries = 0;
            t.parked = true;
            stop(watcher, bean.get());
            ctx.flapping(watcher, new FlappingStatus("plugin:" + ctx.name(), true, System.currentTimeMillis(), 0,
                    tries, s.maxRetry(), reason));
            ctx.acted(watcher, PluginAction.STOP, reason + "; reached the max retry limit (" + s.maxRetry()
                    + "), stopped for good");
        }
    }

    private void park(String watcher, Track t, WatcherMXBean bean, Settings s, String reason) {
        t.parked = true;
        stop(watcher, bean);
        long retryMillis = (long) (s.retryIn() * 1000);
        ctx.flapping(watcher, new FlappingStatus("plugin:" + ctx.name(), true, System.currentTimeMillis(),
                System.currentTimeMillis() + retryMillis, t.tries, s.maxRetry(), reason));
        ctx.acted(watcher, PluginAction.STOP, String.format(Locale.ROOT, "%s; stopped, retry %d/%s in %s s", reason,
                t.tries, s.maxRetry() < 0 ? "unlimited" : String.valueOf(s.maxRetry()), trim(s.retryIn())));
        t.retry = ctx.schedule(Duration.ofMillis(retryMillis), () -> retry(watcher));
    }

    private void retry(String watcher) {
        Optional<WatcherMXBean> bean = ctx.watcher(watcher);
        if (bean.isEmpty()) {
            return;
        }
        try {
            bean.get().start(false);
            ctx.acted(watcher, PluginAction.START, "retry after flapping");
        } catch (RuntimeException e) {
            ctx.failed("starting " + watcher + " again failed", e);
        }
    }

    private void stop(String watcher, WatcherMXBean bean) {
        try {
            bean.stop(true);
        } catch (RuntimeException e) {
            ctx.failed("stopping " + watcher + " failed", e);
        }
    }

    private static String trim(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }

    /** Pending retries die with the plugin (as Circus cancels its timers); parked watchers stay stopped. */
    @Override
    public void stop() {
        for (Map.Entry<String, Track> e : tracks.entrySet()) {
            Track t = e.getValue();
            if (t.retry != null && !t.retry.isDone()) {
                t.retry.cancel(false);
                // No retry will come: the state must not promise one.
                ctx.flapping(e.getKey(), FlappingStatus.NONE);
            }
        }
    }
}
