package io.circus.zmq.internal;

import java.util.ArrayList;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the channels' own beans ({@code circus:type=Channel,name=<channel>}) and unregisters
 * exactly those it registered. A name already taken is logged and left alone: counters are worth
 * less than refusing to start the daemon.
 *
 * <p>Threading: used by the thread starting and closing the facade.
 */
public final class ChannelBeans implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelBeans.class);

    private final MBeanServer server;
    private final List<ObjectName> registered = new ArrayList<>();

    public ChannelBeans(MBeanServer server) {
        this.server = server;
    }

    public static ObjectName name(String channel) {
        try {
            return new ObjectName("circus:type=Channel,name=" + channel);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public <T> void register(String channel, T bean, Class<T> type) {
        ObjectName name = name(channel);
        try {
            server.registerMBean(new DescribedMBean<>(bean, type), name);
            registered.add(name);
        } catch (JMException e) {
            LOG.warn("cannot register {}: {}", name, e.toString());
        }
    }

    @Override
    public void close() {
        for (ObjectName name : registered.reversed()) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                LOG.debug("{} was already unregistered", name);
            }
        }
        registered.clear();
    }
}
