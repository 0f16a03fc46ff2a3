package io.circus.jmx.internal;

import io.circus.jmx.SocketInfo;
import io.circus.jmx.SocketMXBean;

/** A Socket bean: a read-only view of one socket, replaced when the socket list changes. */
final class SocketBean implements SocketMXBean {

    private volatile SocketInfo info;

    SocketBean(SocketInfo info) {
        this.info = info;
    }

    SocketInfo info() {
        return info;
    }

    void info(SocketInfo i) {
        info = i;
    }

    @Override public String getName() { return info.name(); }
    @Override public String getHost() { return info.host(); }
    @Override public int getPort() { return info.port(); }
    @Override public String getPath() { return info.path(); }
    @Override public int getFd() { return info.fd(); }
    @Override public String getFamily() { return info.family(); }
    @Override public int getBacklog() { return info.backlog(); }
}
