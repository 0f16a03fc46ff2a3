package io.circus.socket;

import io.circus.os.linux.Libc;
import io.circus.process.InheritedFd;
import io.circus.process.linux.LinuxFfmLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A socket the daemon bound for a {@code [socket:NAME]} section. The descriptor is close-on-exec in
 * the daemon; a child receives it only through {@link #inheritAs(int)} in its spawn request.
 *
 * <p>Threading: immutable apart from {@link #close()}, which is idempotent and may race with nothing
 * but itself. Close only after no spawn that passes this descriptor can still be in progress.
 */
public final class BoundSocket implements AutoCloseable {

    private final String name;
    private final int fd;
    private final String family;
    private final String type;
    private final String host;
    private final int port;
    private final Path path;
    private final List<LinuxFfmLauncher.Watch> watches = new CopyOnWriteArrayList<>();
    private boolean closed;

    BoundSocket(String name, int fd, String family, String type, String host, int port, Path path) {
        this.name = name;
        this.fd = fd;
        this.family = family;
        this.type = type;
        this.host = host;
        this.port = port;
        this.path = path;
    }

    public String name() {
        return name;
    }

    /** The descriptor number in the daemon (what {@code $(circus.sockets.NAME)} expands to). */
    public int fd() {
        return fd;
    }

    /** {@code AF_INET}, {@code AF_INET6} or {@code AF_UNIX}. */
    public String family() {
        return family;
    }

    /** {@code SOCK_STREAM}, {@code SOCK_DGRAM}, ... */
    public String type() {
        return type;
    }

    /** The bound address (numeric) for inet sockets, null for unix ones. */
    public String host() {
        return host;
    }

    /** The actual port, also when 0 (ephemeral) was configured; 0 for unix sockets. */
    public int port() {
        return port;
    }

    /** The unix socket path, or null. */
    public Path path() {
        return path;
    }

    /** Passes this socket to a child at {@code childFd}: 0 makes it stdin (inetd style, stdin_socket). */
    public InheritedFd inheritAs(int childFd) {
        return new InheritedFd(fd, childFd);
    }

    /** Passes this socket at its own number, as Circus does. */
    public InheritedFd inheritAtSameNumber() {
        return new InheritedFd(fd, fd);
    }

    void addWatch(LinuxFfmLauncher.Watch watch) {
        watches.add(watch);
    }

    /** Circus's {@code listsockets} form: {@code host:port} or the unix path. */
    public String address() {
        return path != null ? path.toString() : (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** Closes the descriptor (after cancelling readiness watches) and removes the unix socket file. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        watches.forEach(LinuxFfmLauncher.Watch::close);
        Libc.close(fd);
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // Best effort, as Circus: a leftover file is replaced or reported at the next bind.
            }
        }
    }

    @Override
    public String toString() {
        return "BoundSocket[" + name + " " + address() + " fd=" + fd + "]";
    }
}
