package io.circus.jmx.security;

import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JMX client run in its own JVM (as another user through setpriv): connects to the URL in
 * args[0], reads the arbiter's NumWatchers and prints {@code OK n}, or {@code REFUSED} and why.
 * Uses JDK classes only, so it runs from the test classes directory alone.
 */
public final class JmxProbe {

    private JmxProbe() {
    }

    public static void main(String[] args) {
        try (JMXConnector c = JMXConnectorFactory.connect(new JMXServiceURL(args[0]))) {
            Object n = c.getMBeanServerConnection().getAttribute(new ObjectName("circus:type=Arbiter"), "NumWatchers");
            System.out.println("OK " + n);
        } catch (Exception e) {
            System.out.println("REFUSED " + e);
        }
    }
}
