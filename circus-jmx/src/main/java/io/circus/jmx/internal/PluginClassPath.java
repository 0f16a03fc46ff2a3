package io.circus.jmx.internal;

import io.circus.config.CircusConfig;
import io.circus.extension.ExtensionClassPath;
import io.circus.plugin.host.PluginHost;
import java.io.IOException;

/**
 * Where {@code use = com.example.MyPlugin} classes are looked up: the extension class path of the
 * configuration (see docs/extending.md), else the daemon's own class path.
 */
final class PluginClassPath {

    private PluginClassPath() {
    }

    /** Refuses a configuration whose plugins cannot be made, before it is applied. */
    static void check(CircusConfig config) {
        try (ExtensionClassPath path = loader(config)) {
            PluginHost.check(config, path);
        } catch (IOException e) {
            // Closing the jars only.
        }
    }

    static ExtensionClassPath loader(CircusConfig config) {
        return ExtensionClassPath.of(config.global().extensionPath());
    }
}
