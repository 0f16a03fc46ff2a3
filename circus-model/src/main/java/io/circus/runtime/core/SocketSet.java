package io.circus.runtime.core;

import io.circus.config.SocketConfig;
import io.circus.config.WatcherConfig;
import io.circus.process.ProcessLauncher;
import io.circus.process.linux.LinuxFfmLauncher;
import io.circus.runtime.HeldSocket;
import io.circus.socket.BoundSocket;
import io.circus.socket.SocketBinder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The daemon's {@code [socket:NAME]} sockets: bound when the arbiter is built (a bind failure stops
 * the start), passed to children by descriptor, closed at exit. {@code so_reuseport} sockets are not
 * bound here: each process that names one in its command gets a fresh socket of its own.
 */
final class SocketSet implements AutoCloseable {

    private final Map<String, SocketConfig> configs = new LinkedHashMap<>();
    private final Map<String, BoundSocket> bound = new LinkedHashMap<>();
    private final SocketBinder binder;
    private volatile Map<String, Integer> fds = Map.of();
    private final List<LinuxFfmLauncher.Watch> watches = new ArrayList<>();

    /** @throws IllegalArgumentException when a socket cannot be bound or the backend cannot pass it */
    SocketSet(List<SocketConfig> sockets, ProcessLauncher launcher) {
        if (sockets.isEmpty()) {
            binder = null;
            return;
        }
        if (!(launcher instanceof LinuxFfmLauncher ffm)) {
            throw new IllegalArgumentException("[socket:" + sockets.getFirst().name() + "] needs the native process "
                    + "backend; the running backend '" + launcher.name() + "' cannot pass sockets to children");
        }
        binder = new SocketBinder(ffm);
        try {
            for (SocketConfig c : sockets) {
                configs.put(c.name(), c);
                if (!c.soReusePort()) {
                    bound.put(c.name(), binder.bind(c));
                }
            }
        } catch (IOException e) {
            close();
            throw new IllegalArgumentException("cannot bind " + e.getMessage(), e);
        }
        Map<String, Integer> map = new LinkedHashMap<>();
        bound.forEach((name, s) -> map.put(name, s.fd()));
        fds = Map.copyOf(map);
    }

    /** Descriptors of the shared sockets by name, for {@code $(circus.sockets.NAME)} and use_sockets. */
    Map<String, Integer> fds() {
        return fds;
    }

    boolean isEmpty() {
        return configs.isEmpty();
    }

    /**
     * Fresh sockets for the so_reuseport sockets a watcher's command names, as Circus does (a
     * literal {@code circus.sockets.NAME} in cmd or args). The caller closes them after the spawn.
     */
    List<BoundSocket> freshFor(WatcherConfig watcher) throws IOException {
        List<BoundSocket> fresh = new ArrayList<>();
        String text = (watcher.cmd() + " " + watcher.args()).toLowerCase(Locale.ROOT);
        for (SocketConfig c : configs.values()) {
            if (c.soReusePort() && text.contains("circus.sockets." + c.name())) {
                try {
                    fresh.add(binder.bind(c));
                } catch (IOException e) {
                    fresh.forEach(BoundSocket::close);
                    throw e;
                }
            }
        }
        return fresh;
    }

    List<HeldSocket> infos() {
        List<HeldSocket> list = new ArrayList<>();
        for (SocketConfig c : configs.values()) {
            BoundSocket s = bound.get(c.name());
            list.add(s == null
                    ? new HeldSocket(c.name(), c.path() == null ? c.host() : null, c.port(), c.path(), -1,
                        c.path() != null ? "AF_UNIX" : c.family(), c.type())
                    : new HeldSocket(s.name(), s.path() == null ? s.host() : null, s.port(),
                        s.path() == null ? null : s.path().toString(), s.fd(), s.family(), s.type()));
        }
        return list;
    }

    /** Calls {@code callback} once, on the launcher loop, at the first pending connection on any socket. */
    synchronized void armFirstConnection(Runnable callback) {
        disarm();
        java.util.concurrent.atomic.AtomicBoolean fired = new java.util.concurrent.atomic.AtomicBoolean();
        for (BoundSocket s : bound.values()) {
            if (s.type().equals("SOCK_STREAM") || s.type().equals("SOCK_SEQPACKET") || s.type().equals("SOCK_DGRAM")) {
                watches.add(binder.onFirstConnection(s, () -> {
                    if (fired.compareAndSet(false, true)) {
                        callback.run();
                    }
                }));
            }
        }
    }

    synchronized void disarm() {
        watches.forEach(LinuxFfmLauncher.Watch::close);
        watches.clear();
    }

    @Override
    public void close() {
        disarm();
        bound.values().forEach(BoundSocket::close);
        bound.clear();
        fds = Map.of();
    }
}
