package io.circus.config.ini;

import io.circus.config.ConfigException;
import io.circus.config.OptionValues;
import io.circus.config.PluginConfig;
import io.circus.config.VariableSubstitutor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code [plugin:NAME]} section: every key, {@code [DEFAULT]} ones included, substituted and kept for
 * the plugin's own configuration, as Circus passes them all; {@code use} is required and
 * {@code priority} is an int defaulting to 1.
 */
final class PluginSectionReader {

    static final String PREFIX = "plugin:";

    private PluginSectionReader() {
    }

    static PluginConfig read(IniDocument doc, String section, Map<String, String> env) throws ConfigException {
        String name = section.substring(PREFIX.length()).strip();
        if (name.isEmpty()) {
            throw new ConfigException(doc.fileOf(section), section, null, null, "the plugin has no name");
        }
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, IniEntry> items = doc.items(section);
        items.forEach((k, e) -> options.put(k, VariableSubstitutor.substituteEnv(e.value(), env)));
        String use = options.get("use");
        if (use == null || use.isBlank()) {
            throw new ConfigException(doc.fileOf(section), section, "use", use,
                    "a plugin needs 'use', the plugin class");
        }
        int priority = 1;
        if (options.containsKey("priority")) {
            try {
                priority = OptionValues.parseInt(options.get("priority"));
            } catch (IllegalArgumentException e) {
                throw items.get("priority").error(section, "priority", options.get("priority"), e.getMessage());
            }
        }
        return new PluginConfig(name, use.strip(), priority, options);
    }
}
