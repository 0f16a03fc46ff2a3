package io.circus.jmx;

/** A socket held for the watchers: {@code circus:type=Socket,name=<socket>}. Read-only. */
@Description("A socket the daemon binds and passes to its watchers' processes")
public interface SocketMXBean {

    @Description("Socket name")
    String getName();

    @Description("Bound host; null for a unix socket")
    String getHost();

    @Description("Bound port; 0 for a unix socket")
    int getPort();

    @Description("Unix socket path; null for a network socket")
    String getPath();

    @Description("File descriptor the children inherit; -1 while not bound")
    int getFd();

    @Description("AF_INET, AF_INET6 or AF_UNIX")
    String getFamily();

    @Description("Listen backlog")
    int getBacklog();
}
