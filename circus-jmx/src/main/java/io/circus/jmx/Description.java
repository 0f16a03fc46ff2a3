package io.circus.jmx;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text a JMX console shows for an MXBean, attribute (on its getter), operation or parameter, and
 * the help line jmx_exporter gives the metric. Every element of our MXBean interfaces carries one:
 * the default MXBean introspection would publish empty descriptions.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
public @interface Description {
    String value();
}
