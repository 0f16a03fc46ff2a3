package io.circus.runtime.core;

import io.circus.config.WatcherConfig;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Objects;

/**
 * The three-way merge behind {@code reloadconfig}: what changed between the section as last loaded
 * and the section as now written is applied to the running definition; everything else keeps its
 * running value, so run-time changes ({@code incr}, {@code set}) survive a reload that does not touch
 * them. The unit is one record component of {@link WatcherConfig}: a plain option, or the whole of
 * {@code env}, {@code hooks}, {@code rlimits}, a stream or the free-form options.
 */
final class ConfigMerge {

    private static final RecordComponent[] COMPONENTS = WatcherConfig.class.getRecordComponents();
    private static final Constructor<WatcherConfig> CANONICAL;

    static {
        Class<?>[] types = new Class<?>[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) {
            types[i] = COMPONENTS[i].getType();
        }
        try {
            CANONICAL = WatcherConfig.class.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ConfigMerge() {
    }

    /**
     * @param before  the section as last loaded
     * @param after   the section as now in the file
     * @param running the definition in effect (the file's plus run-time changes)
     * @return {@code running} with every component that differs between {@code before} and
     *         {@code after} taken from {@code after}; {@code after} itself when the mix breaks a rule
     *         of its own (a run-time process count above 1 meeting a new {@code singleton = true})
     */
    static WatcherConfig merge(WatcherConfig before, WatcherConfig after, WatcherConfig running) {
        if (before.equals(after)) {
            return running;
        }
        Object[] values = new Object[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) {
            Object was = value(COMPONENTS[i], before);
            Object now = value(COMPONENTS[i], after);
            values[i] = Objects.equals(was, now) && !COMPONENTS[i].getName().equals("name")
                    ? value(COMPONENTS[i], running) : now;
        }
        try {
            return CANONICAL.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException) {
                return after;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object value(RecordComponent c, WatcherConfig config) {
        try {
            return c.getAccessor().invoke(config);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
