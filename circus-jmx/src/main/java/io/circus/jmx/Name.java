package io.circus.jmx;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation parameter's name as JMX clients show it; without it MXBean introspection publishes
 * {@code p0}, {@code p1}... Names follow Circus's property names ({@code waiting}, {@code nb}, ...).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Name {
    String value();
}
