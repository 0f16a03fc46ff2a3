package io.circus.jmx;

/**
 * A socket the daemon holds for its watchers: an entry of Circus's {@code listsockets} reply.
 *
 * @param name    the socket name
 * @param host    the bound host, or null for a unix socket
 * @param port    the bound port, or 0 for a unix socket
 * @param path    the unix socket path, or null
 * @param family  {@code AF_INET}, {@code AF_INET6} or {@code AF_UNIX}
 * @param fd      the file descriptor children inherit, or -1 while the socket is not bound
 * @param backlog the listen backlog
 */
public record SocketInfo(String name, String host, int port, String path, String family, int fd, int backlog) {
}
