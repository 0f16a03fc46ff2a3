package io.circus.config;

/**
 * A {@code [socket:NAME]} section.
 *
 * @param name        the socket name, lower-cased as Circus does
 * @param host        host to bind (default {@code localhost})
 * @param port        TCP/UDP port, 0 for an ephemeral one
 * @param path        unix socket path, or null; when set the family is AF_UNIX
 * @param family      {@code AF_INET}, {@code AF_INET6} or {@code AF_UNIX}
 * @param type        {@code SOCK_STREAM}, {@code SOCK_DGRAM}, ...
 * @param proto       protocol number, 0 for the default
 * @param backlog     listen backlog
 * @param iface       network interface to bind to ({@code SO_BINDTODEVICE}), or null
 * @param umask       umask while binding a unix socket (decimal in the ini, as in Circus)
 * @param replace     whether an existing unix socket file is replaced
 * @param soReusePort whether each worker gets its own socket bound with {@code SO_REUSEPORT}
 * @param blocking    whether the socket is left blocking
 */
public record SocketConfig(String name, String host, int port, String path, String family, String type,
                           int proto, int backlog, String iface, int umask, boolean replace,
                           boolean soReusePort, boolean blocking) {
}
