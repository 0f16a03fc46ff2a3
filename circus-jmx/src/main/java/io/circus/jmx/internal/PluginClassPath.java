package io.circus.jmx.internal;

import io.circus.config.CircusConfig;

/**
 * Where {@code use = com.example.MyPlugin} classes are looked up: the extension class path of the
 * configuration (see docs/extending.md), else the daemon's own class path.
 */
final class PluginClassPath {

    private PluginClassPath() {
    }

    static ClassLoader loader(CircusConfig config) {
        return PluginClassPath.class.getClassLoader();
    }
}
