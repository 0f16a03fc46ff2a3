package io.circus.jmx.internal;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.MBeanServerBuilder;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerFactory;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The platform MBeanServer, created only when something asks for it. Building the platform server
 * builds every platform MXBean with it (memory pools, threads, diagnostic commands, Flight
 * Recorder...): about 300 classes and 3.5 MiB of resident memory in circusd, for beans nobody looks
 * at until JConsole, VisualVM or {@code circusctl --pid} attaches. So Circus registers on a server
 * of its own, and this builder (the JMX property {@value #PROPERTY}) hands that very server to
 * {@link ManagementFactory#getPlatformMBeanServer()} when the JVM first asks for it: the platform
 * MXBeans are then added beside the Circus beans, and a local attach sees both, as before.
 *
 * <p>A local attach asks from the JVM's Attach Listener thread, whose context class loader is null
 * (it is created by the Signal Dispatcher thread, which the JVM starts before any class loader),
 * and {@link MBeanServerFactory} loads the builder class through that loader: so the Signal
 * Dispatcher's and Attach Listener's context class loader is set to this class's loader when the
 * deferred server is made. When either cannot be done (another builder is configured, no Signal
 * Dispatcher thread is found) the platform server is used at once, as before.
 *
 * <p>Threading: {@link #circusServer()} may be called from any thread; the builder is called by
 * {@link MBeanServerFactory} under its own lock.
 */
public final class PlatformServerBuilder extends MBeanServerBuilder {

    static final String PROPERTY = "javax.management.builder.initial";
    private static final ObjectName RUNTIME = name("java.lang:type=Runtime");

    /** Made and not yet handed over; guarded by the class. */
    private static MBeanServer deferred;

    /** For {@link MBeanServerFactory}, which instantiates the class named by {@value #PROPERTY}. */
    public PlatformServerBuilder() {
    }

    /**
     * Where the Circus beans go: the platform MBeanServer if the JVM has built it, otherwise the
     * server that becomes the platform one when it is first asked for (the same one on every call).
     */
    public static synchronized MBeanServer circusServer() {
        if (deferred != null) {
            return deferred;
        }
        for (MBeanServer s : MBeanServerFactory.findMBeanServer(null)) {
            if (s.isRegistered(RUNTIME)) {
                return s;
            }
        }
        String configured = System.getProperty(PROPERTY);
        boolean otherBuilder = configured != null && !configured.isEmpty()
                && !configured.equals(PlatformServerBuilder.class.getName());
        if (otherBuilder || !attachCanLoadBuilder()) {
            return ManagementFactory.getPlatformMBeanServer();
        }
        MBeanServerBuilder standard = new MBeanServerBuilder();
        deferred = standard.newMBeanServer(null, null, standard.newMBeanServerDelegate());
        System.setProperty(PROPERTY, PlatformServerBuilder.class.getName());
        return deferred;
    }

    /** Hands the deferred server to the platform's creation; any other new server is a new one. */
    @Override
    public MBeanServer newMBeanServer(String defaultDomain, MBeanServer outer, MBeanServerDelegate delegate) {
        synchronized (PlatformServerBuilder.class) {
            if (deferred != null && outer == null && forPlatform()) {
                MBeanServer s = deferred;
                deferred = null;
                return s;
            }
        }
        return super.newMBeanServer(defaultDomain, outer, delegate);
    }

    private static boolean forPlatform() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(f ->
                f.getClassName().equals(ManagementFactory.class.getName())
                        && f.getMethodName().equals("getPlatformMBeanServer")));
    }

    /**
     * Gives the threads a local attach runs on (the Signal Dispatcher creates the Attach Listener,
     * which inherits its loader) a context class loader that finds this class.
     */
    private static boolean attachCanLoadBuilder() {
        ClassLoader loader = PlatformServerBuilder.class.getClassLoader();
        boolean dispatcher = false;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("Signal Dispatcher") || t.getName().equals("Attach Listener")) {
                dispatcher |= t.getName().equals("Signal Dispatcher");
                if (t.getContextClassLoader() == null) {
                    t.setContextClassLoader(loader);
                }
            }
        }
        return dispatcher;
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
