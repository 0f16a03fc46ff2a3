package io.circus.plugin.host;

import io.circus.config.PluginConfig;
import io.circus.extension.ExtensionClassPath;
import io.circus.extension.ExtensionException;
import io.circus.plugin.BuiltInPlugins;
import io.circus.plugin.Plugin;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;

/**
 * Turns {@code use} into a way to make plugin instances: a Circus name maps to a built-in, anything
 * else is a Java class on the extension class path. Every refusal names the section, the value and
 * what to write instead.
 */
final class PluginFactory {

    private final ExtensionClassPath extensions;

    /** @param extensions the extension class path ({@code [circus] extension_path}) */
    PluginFactory(ExtensionClassPath extensions) {
        this.extensions = extensions;
    }

    /** A resolved {@code use}: the class and a way to make instances of it. */
    record Resolved(Class<? extends Plugin> type, Supplier<Plugin> instances) {
    }

    /** @throws IllegalArgumentException {@code [plugin:NAME] use = X: why} */
    Resolved resolve(PluginConfig config) {
        String use = config.use();
        Class<?> type;
        if (BuiltInPlugins.isCircusName(use)) {
            String refusal = BuiltInPlugins.refusal(use).orElse(null);
            if (refusal != null) {
                throw error(config, refusal);
            }
            type = BuiltInPlugins.lookup(use).orElseThrow(() -> error(config,
                    "unknown Circus plugin; the built-in ones are " + String.join(", ", BuiltInPlugins.names())));
        } else {
            try {
                type = extensions.loadClass(use, Plugin.class);
            } catch (ExtensionException e) {
                throw error(config, e.getMessage() + "; a Circus Python plugin cannot run here: write a Java class "
                        + "implementing " + Plugin.class.getName() + " (docs/extending.md), or use a built-in: "
                        + String.join(", ", BuiltInPlugins.names()));
            }
        }
        if (!Plugin.class.isAssignableFrom(type)) {
            throw error(config, type.getName() + " does not implement " + Plugin.class.getName());
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
            throw error(config, type.getName() + " must be a public, non-abstract class");
        }
        Constructor<? extends Plugin> constructor;
        try {
            constructor = type.asSubclass(Plugin.class).getConstructor();
        } catch (NoSuchMethodException e) {
            throw error(config, type.getName() + " needs a public no-argument constructor");
        }
        return new Resolved(constructor.getDeclaringClass(), () -> {
            try {
                return constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new IllegalStateException("cannot create " + type.getName() + ": " + cause, cause);
            }
        });
    }

    private static IllegalArgumentException error(PluginConfig config, String why) {
        return new IllegalArgumentException("[plugin:" + config.name() + "] use = " + config.use() + ": " + why);
    }
}
