package io.circus.socket;

import static io.circus.socket.SocketConstants.AF_INET;
import static io.circus.socket.SocketConstants.AF_INET6;
import static io.circus.socket.SocketConstants.AF_UNIX;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.circus.config.SocketConfig;
import io.circus.os.linux.Libc;
import io.circus.process.linux.LinuxFfmLauncher;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Binds Circus {@code [socket:NAME]} sockets in the daemon with {@code socket/setsockopt/bind/listen}
 * through {@code java.lang.foreign}, so they can be passed to children as plain descriptors.
 *
 * <p>Every socket is created close-on-exec and gets {@code SO_REUSEADDR}; {@code so_reuseport}
 * sockets get {@code SO_REUSEPORT} too, and the caller binds one per worker (each {@link #bind}
 * call makes a fresh socket). Unix sockets get the configured umask without touching the daemon's
 * process-wide umask: the socket inode is {@code fchmod}ed before {@code bind} (Linux applies
 * {@code inode mode & ~umask}, so the file is never more open than asked) and the file is set to
 * the exact mode right after.
 *
 * <p>Threading: all methods may be called from any thread. Readiness callbacks run on the
 * launcher's loop thread and must be quick.
 */
public final class SocketBinder {

    private static final Map<String, Integer> TYPES = Map.of("SOCK_STREAM", 1, "SOCK_DGRAM", 2, "SOCK_RAW", 3,
            "SOCK_RDM", 4, "SOCK_SEQPACKET", 5);
    private static final int UNIX_PATH_MAX = 108;

    private final LinuxFfmLauncher launcher;

    /**
     * @param launcher the loop used for {@link #onFirstConnection}; may be null when not needed
     * @throws UnsupportedOperationException when native access is not enabled
     */
    public SocketBinder(LinuxFfmLauncher launcher) {
        if (!SocketBinder.class.getModule().isNativeAccessEnabled()) {
            throw new UnsupportedOperationException("native access is not enabled for " + SocketBinder.class.getModule());
        }
        this.launcher = launcher;
    }

    /**
     * Creates, configures, binds and (for stream and seqpacket sockets) listens.
     *
     * @throws IOException naming the socket and address when any step fails; nothing is left open
     */
    public BoundSocket bind(SocketConfig config) throws IOException {
        Objects.requireNonNull(config, "config");
        boolean unix = config.path() != null;
        String family = unix ? "AF_UNIX" : upper(config.family(), "AF_INET");
        int af = switch (family) {
            case "AF_UNIX" -> AF_UNIX;
            case "AF_INET" -> AF_INET;
            case "AF_INET6" -> AF_INET6;
            default -> throw new IOException("socket " + config.name() + ": unknown family " + family);
        };
        if (af == AF_UNIX && !unix) {
            throw new IOException("socket " + config.name() + ": AF_UNIX needs a path");
        }
        String typeName = upper(config.type(), "SOCK_STREAM");
        Integer type = TYPES.get(typeName);
        if (type == null) {
            throw new IOException("socket " + config.name() + ": unknown type " + typeName);
        }
        String where = unix ? config.path() : config.host() + ":" + config.port();
        int flags = SocketConstants.SOCK_CLOEXEC | (config.blocking() ? 0 : SocketConstants.SOCK_NONBLOCK);
        int fd = Libc.socket(af, type | flags, config.proto());
        check(fd, config, where, "socket");
        try (Arena arena = Arena.ofConfined()) {
            setInt(arena, fd, SocketConstants.SO_REUSEADDR, config, where);
            if (config.soReusePort()) {
                setInt(arena, fd, SocketConstants.SO_REUSEPORT, config, where);
            }
            if (config.iface() != null && !config.iface().isEmpty()) {
                MemorySegment name = arena.allocateFrom(config.iface());
                check(Libc.setsockopt(fd, SocketConstants.SOL_SOCKET, SocketConstants.SO_BINDTODEVICE, name,
                        (int) name.byteSize()), config, where, "SO_BINDTODEVICE " + config.iface());
            }
            BoundSocket socket = unix ? bindUnix(arena, fd, config, typeName)
                    : bindInet(arena, fd, af, config, family, typeName, where);
            if (type == 1 || type == 5) {
                check(Libc.listen(fd, config.backlog()), config, where, "listen");
            }
            return socket;
        } catch (IOException | RuntimeException e) {
            Libc.close(fd);
            throw e;
        }
    }

    private static String upper(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip().toUpperCase(Locale.ROOT);
    }

    private static void setInt(Arena arena, int fd, int option, SocketConfig config, String where) throws IOException {
        MemorySegment one = arena.allocateFrom(JAVA_INT, 1);
        check(Libc.setsockopt(fd, SocketConstants.SOL_SOCKET, option, one, 4), config, where, "setsockopt " + option);
    }

    private static BoundSocket bindInet(Arena arena, int fd, int af, SocketConfig config, String family,
                                        String type, String where) throws IOException {
        InetAddress address = resolve(config.host(), af == AF_INET6);
        MemorySegment sa = arena.allocate(28, 4);
        sa.set(JAVA_SHORT, 0, (short) af);
        sa.set(JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN), 2, (short) config.port());
        int length;
        if (af == AF_INET) {
            MemorySegment.copy(address.getAddress(), 0, sa, JAVA_BYTE, 4, 4);
            length = 16;
        } else {
            MemorySegment.copy(address.getAddress(), 0, sa, JAVA_BYTE, 8, 16);
            sa.set(JAVA_INT, 24, ((Inet6Address) address).getScopeId());
            length = 28;
        }
        check(Libc.bind(fd, sa, length), config, where, "bind");
        MemorySegment actual = arena.allocate(128, 4);
        MemorySegment actualLength = arena.allocateFrom(JAVA_INT, 128);
        check(Libc.getsockname(fd, actual, actualLength), config, where, "getsockname");
        int port = Short.toUnsignedInt(actual.get(JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN), 2));
        return new BoundSocket(config.name(), fd, family, type, address.getHostAddress(), port, null);
    }

    /** Circus resolves with getaddrinfo and takes the first result of the family; empty means any. */
    private static InetAddress resolve(String host, boolean v6) throws IOException {
        String h = host == null ? "localhost" : host.strip();
        if (h.isEmpty()) {
            return InetAddress.getByName(v6 ? "::" : "0.0.0.0");
        }
        for (InetAddress a : InetAddress.getAllByName(h)) {
            if (v6 ? a instanceof Inet6Address : a instanceof Inet4Address) {
                return a;
            }
        }
        throw new IOException("no " + (v6 ? "IPv6" : "IPv4") + " address for " + h);
    }

    private static BoundSocket bindUnix(Arena arena, int fd, SocketConfig config, String type) throws IOException {
        Path path = Path.of(config.path());
        byte[] bytes = config.path().getBytes(StandardCharsets.UTF_8);
        if (bytes.length >= UNIX_PATH_MAX) {
            throw new IOException("socket " + config.name() + ": unix path longer than " + (UNIX_PATH_MAX - 1)
                    + " bytes: " + path);
        }
        if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (!config.replace()) {
                throw new IOException("socket " + config.name() + ": " + path + " already exists");
            }
            Files.delete(path);
        }
        int mode = 0777 & ~config.umask();
        check(Libc.fchmod(fd, mode), config, path.toString(), "fchmod");
        MemorySegment sa = arena.allocate(2 + UNIX_PATH_MAX, 2);
        sa.set(JAVA_SHORT, 0, (short) AF_UNIX);
        MemorySegment.copy(bytes, 0, sa, JAVA_BYTE, 2, bytes.length);
        check(Libc.bind(fd, sa, 2 + bytes.length + 1), config, path.toString(), "bind");
        try {
            Files.setPosixFilePermissions(path, permissions(mode));
        } catch (IOException e) {
            Files.deleteIfExists(path);
            throw e;
        }
        return new BoundSocket(config.name(), fd, "AF_UNIX", type, null, 0, path);
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }

    private static void check(int r, SocketConfig config, String where, String call) throws IOException {
        if (r < 0) {
            throw new IOException("socket " + config.name() + " (" + where + "): " + call + ": "
                    + Libc.strerror(-r));
        }
    }

    /** Whether a connection (or datagram) is waiting, without blocking: {@code poll} with timeout 0. */
    public boolean hasPendingConnection(BoundSocket socket) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pollfd = arena.allocate(8, 4);
            pollfd.set(JAVA_INT, 0, socket.fd());
            pollfd.set(JAVA_SHORT, 4, SocketConstants.POLLIN);
            int r;
            do {
                r = Libc.poll(pollfd, 1, 0);
            } while (r == -SocketConstants.EINTR);
            return r > 0 && (pollfd.get(JAVA_SHORT, 6) & SocketConstants.POLLIN) != 0;
        }
    }

    /**
     * Calls {@code callback} once, on the launcher's loop thread, when the first connection is
     * pending (the trigger for {@code on_demand} watchers). The connection is not accepted: the
     * child started in response accepts it. Closing the socket cancels the watch.
     */
    public LinuxFfmLauncher.Watch onFirstConnection(BoundSocket socket, Runnable callback) {
        if (launcher == null) {
            throw new IllegalStateException("no launcher loop given to this binder");
        }
        LinuxFfmLauncher.Watch watch = launcher.watchReadable(socket.fd(), callback);
        socket.addWatch(watch);
        return watch;
    }
}
