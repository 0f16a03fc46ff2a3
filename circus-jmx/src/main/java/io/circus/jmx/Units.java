package io.circus.jmx;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import javax.management.DescriptorKey;

/**
 * The unit of a numeric attribute, published in the standard {@code units} descriptor field (the
 * JDK's MXBean introspection copies {@link DescriptorKey} annotations into the descriptor).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Units {
    @DescriptorKey("units")
    String value();
}
