package io.circus.jmx;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import javax.management.MBeanOperationInfo;

/**
 * What an operation does, published as its MBeanOperationInfo impact (MXBean introspection would
 * say UNKNOWN). Consoles use it to warn before actions; access-control layers can key on it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Impact {

    Kind value();

    enum Kind {
        /** Reads state, changes nothing. */
        INFO(MBeanOperationInfo.INFO),
        /** Changes state and returns nothing worth reading. */
        ACTION(MBeanOperationInfo.ACTION),
        /** Changes state and returns what it did. */
        ACTION_INFO(MBeanOperationInfo.ACTION_INFO);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        /** The {@link MBeanOperationInfo} constant. */
        public int code() {
            return code;
        }
    }
}
