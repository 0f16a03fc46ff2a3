package io.circus.jmx.audit;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanServer;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records operations that change something: one line on the {@value #LOGGER} logger and one
 * {@value #NOTIFICATION_TYPE} notification from {@code circus:type=Audit} per operation, with its
 * target, arguments, outcome and {@link CallerContext#current() caller}. The MBean layer calls
 * {@link #record} for every operation whose impact is not INFO, so each facade is covered once.
 *
 * <p>One trail per MBeanServer, installed by the JMX agent; {@link #of} finds it (or a log-only
 * trail when none is installed). Thread-safe: called from every thread that invokes an operation.
 */
public final class AuditTrail implements AuditMXBean {

    public static final String LOGGER = "circus.audit";
    public static final String NOTIFICATION_TYPE = "circus.audit";
    public static final ObjectName NAME = name("circus:type=Audit");

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final int MAX_ARGUMENTS_CHARS = 1000;
    private static final Map<MBeanServer, AuditTrail> INSTALLED = new ConcurrentHashMap<>();
    private static final AuditTrail LOG_ONLY = new AuditTrail(null);
    private static final String[] ITEMS = {"caller", "target", "operation", "outcome"};
    private static final CompositeType TYPE = type();

    private final NotificationBroadcasterSupport broadcaster;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    private AuditTrail(NotificationBroadcasterSupport broadcaster) {
        this.broadcaster = broadcaster;
    }

    /** A trail whose notifications go to {@link #broadcaster()}'s listeners; register it as {@link #NAME}. */
    public static AuditTrail create() {
        MBeanNotificationInfo info = new MBeanNotificationInfo(new String[] {NOTIFICATION_TYPE},
                Notification.class.getName(), "An operation that changes something, who asked and its outcome");
        return new AuditTrail(new NotificationBroadcasterSupport(info));
    }

    /** The notification side of the {@code circus:type=Audit} bean. */
    public NotificationBroadcasterSupport broadcaster() {
        return broadcaster;
    }

    /** Records the operations of {@code server}'s beans through this trail from now on. */
    public void bind(MBeanServer server) {
        INSTALLED.put(server, this);
    }

    /** Stops recording through this trail for {@code server}. */
    public void unbind(MBeanServer server) {
        INSTALLED.remove(server, this);
    }

    /** The trail of {@code server}, or one that only logs. */
    public static AuditTrail of(MBeanServer server) {
        return server == null ? LOG_ONLY : INSTALLED.getOrDefault(server, LOG_ONLY);
    }

    /**
     * Records one operation of an MBean.
     *
     * @param error null when it succeeded
     */
    public void record(ObjectName target, String operation, Object[] arguments, Throwable error) {
        write(String.valueOf(target), operation + arguments(arguments),
                error == null ? null : "failed: " + message(error));
    }

    /**
     * Records a request a facade refused before it reached an MBean (bad input, unknown command),
     * unless the MBeans already recorded something for this caller.
     *
     * @param facadeTarget what was addressed, e.g. {@code zmq command}
     * @param request      the command and its arguments as received
     */
    public void recordRefused(Caller caller, String facadeTarget, String request, String reason) {
        if (caller.recorded() == 0) {
            write(facadeTarget, truncate(request), "refused: " + reason);
        }
    }

    private void write(String target, String operation, String failure) {
        Caller c = CallerContext.current();
        c.countRecorded();
        String caller = c.describe();
        String outcome = failure == null ? "ok" : failure;
        recorded.incrementAndGet();
        if (failure != null) {
            failed.incrementAndGet();
        }
        String line = "caller=" + caller + " target=" + target + " operation=" + operation + " outcome=" + outcome;
        LOG.info(line);
        if (broadcaster != null) {
            Notification n = new Notification(NOTIFICATION_TYPE, NAME, sequence.incrementAndGet(),
                    System.currentTimeMillis(), line);
            try {
                n.setUserData(new CompositeDataSupport(TYPE, ITEMS, new Object[] {caller, target, operation, outcome}));
            } catch (OpenDataException e) {
                throw new IllegalStateException(e);
            }
            broadcaster.sendNotification(n);
        }
    }

    @Override
    public long getRecorded() {
        return recorded.get();
    }

    @Override
    public long getFailed() {
        return failed.get();
    }

    private static String arguments(Object[] arguments) {
        return truncate(arguments == null ? "()" : "(" + String.join(", ",
                Arrays.stream(arguments).map(String::valueOf).toList()) + ")");
    }

    private static String truncate(String s) {
        return s.length() > MAX_ARGUMENTS_CHARS ? s.substring(0, MAX_ARGUMENTS_CHARS) + "..." : s;
    }

    private static String message(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root
                && (root instanceof JMException || root instanceof javax.management.RuntimeMBeanException
                || root instanceof java.lang.reflect.InvocationTargetException)) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static CompositeType type() {
        try {
            OpenType<?>[] types = new OpenType<?>[ITEMS.length];
            Arrays.fill(types, SimpleType.STRING);
            return new CompositeType("AuditEntry", "One audited operation", ITEMS,
                    new String[] {"who asked", "the MBean, or the facade for a refused request", "the operation and its arguments",
                            "ok, failed: why, or refused: why"},
                    types);
        } catch (OpenDataException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static ObjectName name(String n) {
        try {
            return new ObjectName(n);
        } catch (JMException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
