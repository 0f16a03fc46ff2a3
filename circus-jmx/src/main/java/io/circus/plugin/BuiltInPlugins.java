package io.circus.plugin;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.SortedSet;

/**
 * The {@code use = circus.plugins.…} names Circus configurations write, mapped to the Java classes that
 * implement them. Each built-in is a public class with a public no-argument constructor in package
 * {@code io.circus.plugin.builtin}; a name whose class is not in this build is refused at load like an
 * unknown one.
 */
public final class BuiltInPlugins {

    /** The package the built-in implementations live in. */
    public static final String PACKAGE = "io.circus.plugin.builtin";

    private static final Map<String, String> CLASSES = new TreeMap<>();
    private static final Map<String, String> REFUSED = new TreeMap<>();

    static {
        CLASSES.put("circus.plugins.flapping.Flapping", PACKAGE + ".Flapping");
        CLASSES.put("circus.plugins.watchdog.WatchDog", PACKAGE + ".WatchDog");
        CLASSES.put("circus.plugins.resource_watcher.ResourceWatcher", PACKAGE + ".ResourceWatcher");
        CLASSES.put("circus.plugins.statsd.StatsdEmitter", PACKAGE + ".StatsdEmitter");
        // Circus re-exports StatsdEmitter there for old configurations.
        CLASSES.put("circus.plugins._statsd.StatsdEmitter", PACKAGE + ".StatsdEmitter");
        CLASSES.put("circus.plugins.statsd.FullStats", PACKAGE + ".FullStats");
        CLASSES.put("circus.plugins.http_observer.HttpObserver", PACKAGE + ".HttpObserver");
        CLASSES.put("circus.plugins.command_reloader.CommandReloader", PACKAGE + ".CommandReloader");
        REFUSED.put("circus.plugins.redis_observer.RedisObserver", "RedisObserver is not built in: it would need a "
                + "Redis client library; write a Java plugin (docs/extending.md) or use HttpObserver against "
                + "a health endpoint");
    }

    private BuiltInPlugins() {
    }

    /** Whether {@code use} is a Circus plugin name ({@code circus.plugins.} prefix). */
    public static boolean isCircusName(String use) {
        return use.startsWith("circus.plugins.");
    }

    /** The class of a built-in present in this build, or empty (unknown name, refused, or not built). */
    public static Optional<Class<? extends Plugin>> lookup(String use) {
        String className = CLASSES.get(use);
        if (className == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Class.forName(className, false, BuiltInPlugins.class.getClassLoader())
                    .asSubclass(Plugin.class));
        } catch (ClassNotFoundException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** Why a Circus name is deliberately not supported, or empty. */
    public static Optional<String> refusal(String use) {
        return Optional.ofNullable(REFUSED.get(use));
    }

    /** The Circus names that work in this build, sorted, for error messages and documentation. */
    public static SortedSet<String> names() {
        SortedSet<String> names = new TreeSet<>();
        for (String name : CLASSES.keySet()) {
            if (lookup(name).isPresent()) {
                names.add(name);
            }
        }
        return names;
    }
}
