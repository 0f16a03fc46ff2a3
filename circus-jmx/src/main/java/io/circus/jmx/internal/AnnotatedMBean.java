package io.circus.jmx.internal;

import io.circus.jmx.Description;
import io.circus.jmx.Impact;
import io.circus.jmx.Name;
import io.circus.jmx.audit.AuditTrail;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.Attribute;
import javax.management.AttributeNotFoundException;
import javax.management.InvalidAttributeValueException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanConstructorInfo;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.NotificationEmitter;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import javax.management.StandardEmitterMBean;

/**
 * An MXBean whose MBeanInfo carries the descriptions, parameter names and impacts written on its
 * interface ({@link Description}, {@link Name}, {@link Impact}). StandardMBean calls the overridden
 * hooks once, when it first builds the MBeanInfo, and caches the result.
 *
 * <p>Operations are matched to interface methods by name and parameter count, so the interfaces
 * must not overload an operation name with the same arity; the constructor checks it.
 *
 * <p>The MBeanInfo is the same for every bean of one interface and notification list, so it is
 * built once and shared: registering the ten-thousandth Process bean costs no reflection and no
 * new descriptor objects.
 */
public final class AnnotatedMBean<T> extends StandardEmitterMBean {

    /** What makes two beans' MBeanInfo equal: the interface and the notifications they emit. */
    private record InfoKey(Class<?> type, List<MBeanNotificationInfo> notifications) {
    }

    private static final Map<InfoKey, MBeanInfo> SHARED = new ConcurrentHashMap<>();
    /** Per interface, the INFO operations ({@code name/arity}): the ones the audit trail skips. */
    private static final Map<InfoKey, Set<String>> INFO_OPERATIONS = new ConcurrentHashMap<>();

    private final Class<T> type;
    private volatile MBeanServer server;
    private volatile ObjectName name;
    private final InfoKey key;

    public AnnotatedMBean(T implementation, Class<T> type, NotificationEmitter emitter) {
        super(implementation, type, true, emitter);
        this.type = type;
        this.key = new InfoKey(type, List.of(emitter.getNotificationInfo()));
        if (!SHARED.containsKey(key)) {
            checkNoAmbiguousOverloads(type);
        }
    }

    @Override
    protected MBeanInfo getCachedMBeanInfo() {
        return SHARED.get(key);
    }

    @Override
    protected void cacheMBeanInfo(MBeanInfo info) {
        if (info != null) {
            SHARED.putIfAbsent(key, info);
        }
    }

    @Override
    public ObjectName preRegister(MBeanServer server, ObjectName name) throws Exception {
        this.server = server;
        this.name = super.preRegister(server, name);
        return this.name;
    }

    /** Every operation that may change something goes to the audit trail, whichever facade asked. */
    @Override
    public Object invoke(String operation, Object[] params, String[] signature)
            throws MBeanException, ReflectionException {
        if (isInfo(operation, signature)) {
            return super.invoke(operation, params, signature);
        }
        AuditTrail trail = AuditTrail.of(server);
        try {
            Object result = super.invoke(operation, params, signature);
            trail.record(name, operation, params, null);
            return result;
        } catch (MBeanException | ReflectionException | RuntimeException e) {
            trail.record(name, operation, params, e);
            throw e;
        }
    }

    @Override
    public void setAttribute(Attribute attribute)
            throws AttributeNotFoundException, InvalidAttributeValueException, MBeanException, ReflectionException {
        AuditTrail trail = AuditTrail.of(server);
        Object[] value = {attribute.getValue()};
        try {
            super.setAttribute(attribute);
            trail.record(name, "set" + attribute.getName(), value, null);
        } catch (AttributeNotFoundException | InvalidAttributeValueException | MBeanException | ReflectionException
                 | RuntimeException e) {
            trail.record(name, "set" + attribute.getName(), value, e);
            throw e;
        }
    }

    private boolean isInfo(String operation, String[] signature) {
        int arity = signature == null ? 0 : signature.length;
        return INFO_OPERATIONS.computeIfAbsent(key, k -> {
            Set<String> info = new HashSet<>();
            for (MBeanOperationInfo op : getMBeanInfo().getOperations()) {
                if (op.getImpact() == MBeanOperationInfo.INFO) {
                    info.add(op.getName() + "/" + op.getSignature().length);
                }
            }
            return Set.copyOf(info);
        }).contains(operation + "/" + arity);
    }

    @Override
    protected String getDescription(MBeanInfo info) {
        return text(type.getAnnotation(Description.class), type.getSimpleName());
    }

    @Override
    protected String getDescription(MBeanAttributeInfo info) {
        Method getter = getter(info.getName());
        return text(getter == null ? null : getter.getAnnotation(Description.class), info.getName());
    }

    @Override
    protected String getDescription(MBeanOperationInfo op) {
        return text(method(op).getAnnotation(Description.class), op.getName());
    }

    @Override
    protected int getImpact(MBeanOperationInfo op) {
        Impact impact = method(op).getAnnotation(Impact.class);
        if (impact == null) {
            throw new IllegalStateException(type.getSimpleName() + "." + op.getName() + " has no @Impact");
        }
        return impact.value().code();
    }

    @Override
    protected String getParameterName(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
        Name name = method(op).getParameters()[sequence].getAnnotation(Name.class);
        if (name == null) {
            throw new IllegalStateException(type.getSimpleName() + "." + op.getName() + " parameter " + sequence
                    + " has no @Name");
        }
        return name.value();
    }

    @Override
    protected String getDescription(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
        Description d = method(op).getParameters()[sequence].getAnnotation(Description.class);
        return text(d, param.getName());
    }

    @Override
    protected MBeanConstructorInfo[] getConstructors(MBeanConstructorInfo[] ctors, Object impl) {
        // Beans are created by the agent, never through the MBeanServer.
        return new MBeanConstructorInfo[0];
    }

    private Method getter(String attribute) {
        for (String prefix : List.of("get", "is")) {
            try {
                return type.getMethod(prefix + attribute);
            } catch (NoSuchMethodException e) {
                // try the next prefix
            }
        }
        return null;
    }

    private Method method(MBeanOperationInfo op) {
        int arity = op.getSignature().length;
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(op.getName()) && m.getParameterCount() == arity)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no method for operation " + op.getName()));
    }

    private static String text(Description d, String what) {
        if (d == null || d.value().isBlank()) {
            throw new IllegalStateException("no @Description for " + what);
        }
        return d.value();
    }

    private static void checkNoAmbiguousOverloads(Class<?> type) {
        Method[] methods = type.getMethods();
        for (int i = 0; i < methods.length; i++) {
            for (int j = i + 1; j < methods.length; j++) {
                if (methods[i].getName().equals(methods[j].getName())
                        && methods[i].getParameterCount() == methods[j].getParameterCount()) {
                    throw new IllegalStateException(type.getName() + " overloads " + methods[i].getName());
                }
            }
        }
    }
}
