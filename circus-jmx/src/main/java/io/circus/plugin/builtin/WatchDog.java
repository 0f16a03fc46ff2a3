package io.circus.plugin.builtin;

import io.circus.event.Event;
import io.circus.event.EventType;
import io.circus.jmx.WatcherMXBean;
import io.circus.plugin.Plugin;
import io.circus.plugin.PluginAction;
import io.circus.plugin.PluginContext;
import io.circus.plugin.PluginOptionException;
import io.circus.plugin.PluginOptions;
import io.circus.process.Signal;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code circus.plugins.watchdog.WatchDog}: processes of the watchers {@code watchers_regex} matches
 * send UDP heartbeats ({@code <pid>;<timestamp>} by default, see {@code msg_regex}) to
 * {@code ip:port} (127.0.0.1:1664); every {@code loop_rate} seconds (60), each process silent for
 * {@code loop_rate * max_count} (3) is stopped with the watcher's kill sequence, using
 * {@code watchers_stop_signal} and {@code watchers_graceful_timeout} when set, and the watcher
 * replaces it. Unlike Circus, every silent process of a pass is killed, not only the first.
 *
 * <p>Threading: callbacks and the scan run on the plugin's thread; heartbeats arrive on the
 * receiver's thread and only touch the {@link #lastBeat} map.
 */
public final class WatchDog implements Plugin {

    /** A monitored process. {@code lastNanos} is written by the heartbeat thread. */
    private static final class Monitored {
        final String watcher;
        volatile long lastNanos;

        Monitored(String watcher, long now) {
            this.watcher = watcher;
            this.lastNanos = now;
        }
    }

    private final Map<Long, Monitored> lastBeat = new ConcurrentHashMap<>();
    private PluginContext context;
    private HeartbeatReceiver receiver;
    private Pattern watchers;
    private long silenceNanos;
    private String stopSignal;
    private double gracefulTimeout = -1;

    @Override
    public void start(PluginContext context) throws Exception {
        this.context = context;
        PluginOptions options = context.options();
        Duration loopRate = StatsdOptions.loopRate(options, 60);
        int maxCount = options.integer("max_count", 3);
        if (maxCount < 1) {
            throw new PluginOptionException(options.plugin(), "max_count", String.valueOf(maxCount), "expected 1 or more");
        }
        silenceNanos = loopRate.toNanos() * maxCount;
        watchers = options.convert("watchers_regex", Pattern.compile(".*"), WatchDog::pattern);
        String msgRegex = options.text("msg_regex", "^(?P<pid>.*);(?P<timestamp>.*)$");
        options.convert("msg_regex", null, HeartbeatReceiver::compile);
        Signal signal = options.signal("watchers_stop_signal", null);
        stopSignal = signal == null ? "" : String.valueOf(signal.number());
        gracefulTimeout = options.number("watchers_graceful_timeout").orElse(-1.0);
        if (options.has("watchers_graceful_timeout") && gracefulTimeout < 0) {
            throw new PluginOptionException(options.plugin(), "watchers_graceful_timeout",
                    options.text("watchers_graceful_timeout", ""), "expected a number of seconds, 0 or more");
        }
        int port = options.integer("port", 1664);
        if (port < 0 || port > 65535) {
            throw new PluginOptionException(options.plugin(), "port", String.valueOf(port), "not a UDP port (0-65535)");
        }
        String ip = options.text("ip", "127.0.0.1");
        discover();
        receiver = HeartbeatReceiver.start(new InetSocketAddress(ip, port), msgRegex, this::beat, context.name());
        try {
            context.log().info("watchdog listening for heartbeats on udp {}:{}, {} process(es) monitored",
                    ip, receiver.address().getPort(), lastBeat.size());
            context.scheduleEvery(loopRate, this::lookAfter);
        } catch (RuntimeException e) {
            // stop() is not called when start() throws: the socket must not outlive this instance.
            receiver.close();
            throw e;
        }
    }

    private static Pattern pattern(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a valid pattern: " + e.getDescription());
        }
    }

    /** The UDP port heartbeats go to (the real one when {@code port = 0}). */
    public int port() {
        return receiver.address().getPort();
    }

    /** Every process running now in a matching watcher starts with a full allowance. */
    private void discover() {
        long now = System.nanoTime();
        for (String name : context.watcherNames()) {
            if (watchers.matcher(name).lookingAt()) {
                context.watcher(name).ifPresent(w -> {
                    for (long pid : w.getPids()) {
                        lastBeat.putIfAbsent(pid, new Monitored(name, now));
                    }
                });
            }
        }
    }

    private void beat(long pid) {
        Monitored m = lastBeat.get(pid);
        if (m != null) {
            m.lastNanos = System.nanoTime();
        } else {
            context.log().debug("heartbeat from pid {}, which no monitored watcher runs", pid);
        }
    }

    @Override
    public void onEvent(Event event) {
        if (event.watcher() == null || event.pid() == 0 || !watchers.matcher(event.watcher()).lookingAt()) {
            return;
        }
        if (event.type() == EventType.SPAWN) {
            lastBeat.put(event.pid(), new Monitored(event.watcher(), System.nanoTime()));
        } else if (event.type() == EventType.REAP) {
            lastBeat.remove(event.pid());
        }
    }

    private void lookAfter() {
        context.checked();
        long now = System.nanoTime();
        // Every silent process of the pass is handled: Circus stops at the first.
        for (Iterator<Map.Entry<Long, Monitored>> it = lastBeat.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Monitored> e = it.next();
            long silent = now - e.getValue().lastNanos;
            if (silent <= silenceNanos) {
                continue;
            }
            it.remove();
            long pid = e.getKey();
            String name = e.getValue().watcher;
            Optional<WatcherMXBean> watcher = context.watcher(name);
            if (watcher.isEmpty()) {
                continue;
            }
            try {
                watcher.get().kill(pid, stopSignal, gracefulTimeout, false);
            } catch (RuntimeException ex) {
                // The process exited between the scan and the kill: nothing to do.
                context.failed("kill of " + name + " pid " + pid + " failed: " + ex.getMessage(), ex);
                continue;
            }
            context.acted(name, PluginAction.KILL, String.format(java.util.Locale.ROOT,
                    "pid %d sent no heartbeat for %.1f s; killed", pid, silent / 1e9));
        }
    }

    @Override
    public void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }
}
