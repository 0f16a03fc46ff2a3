package io.circus.zmq.internal;

import io.circus.jmx.Description;
import java.lang.reflect.Method;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.StandardMBean;

/**
 * An MXBean whose MBeanInfo carries the {@link Description}s written on its interface, so JConsole
 * and jmx_exporter show real text rather than the attribute name.
 */
public final class DescribedMBean<T> extends StandardMBean {

    private final Class<T> type;

    public DescribedMBean(T implementation, Class<T> type) {
        super(implementation, type, true);
        this.type = type;
    }

    @Override
    protected String getDescription(MBeanInfo info) {
        Description d = type.getAnnotation(Description.class);
        return d != null ? d.value() : type.getSimpleName();
    }

    @Override
    protected String getDescription(MBeanAttributeInfo info) {
        for (String prefix : new String[] {"get", "is"}) {
            try {
                Method getter = type.getMethod(prefix + info.getName());
                Description d = getter.getAnnotation(Description.class);
                if (d != null) {
                    return d.value();
                }
            } catch (NoSuchMethodException e) {
                // Try the other prefix.
            }
        }
        return info.getName();
    }
}
