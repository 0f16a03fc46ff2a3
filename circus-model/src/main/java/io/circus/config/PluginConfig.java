package io.circus.config;

import java.util.Map;

/**
 * A {@code [plugin:NAME]} section. Kept in the model and shown by {@code options}; plugins run as
 * watchers named {@code plugin:NAME}.
 *
 * @param name     the text after {@code plugin:}
 * @param use      the plugin class
 * @param priority start priority (1 unless set)
 * @param options  every key of the section
 */
public record PluginConfig(String name, String use, int priority, Map<String, String> options) {
    public PluginConfig {
        options = Map.copyOf(options);
    }
}
