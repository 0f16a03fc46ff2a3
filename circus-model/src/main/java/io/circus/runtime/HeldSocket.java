package io.circus.runtime;

/**
 * A socket the daemon holds for its watchers, as the runtime reports it; the facades turn it into
 * their own view ({@code io.circus.jmx.SocketInfo} for {@code listsockets} and the Socket MBean).
 *
 * @param name   the socket name (lower case)
 * @param host   bound host, or null for a unix socket
 * @param port   bound port (the real one when 0 was asked), or 0 for a unix socket
 * @param path   unix socket path, or null
 * @param fd     descriptor in the daemon (and in children that inherit it)
 * @param family {@code AF_INET}, {@code AF_INET6} or {@code AF_UNIX}
 * @param type   {@code SOCK_STREAM}, ...
 */
public record HeldSocket(String name, String host, int port, String path, int fd, String family, String type) {
}
