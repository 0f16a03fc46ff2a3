package io.circus.plugin;

/**
 * A {@code [plugin:NAME]} option with a value the plugin cannot use, or a required one missing. Thrown
 * from {@link Plugin#start}, it is a configuration error: at load or {@code reloadconfig} the change is
 * refused with this message, and nothing is retried.
 */
public final class PluginOptionException extends IllegalArgumentException {

    private final String plugin;
    private final String key;

    /**
     * @param plugin the plugin's name (the text after {@code plugin:})
     * @param key    the option
     * @param value  the value given, or null when missing
     * @param reason what is wrong, e.g. {@code not a number}
     */
    public PluginOptionException(String plugin, String key, String value, String reason) {
        super("[plugin:" + plugin + "] " + key + (value == null ? "" : " = " + value) + ": " + reason);
        this.plugin = plugin;
        this.key = key;
    }

    public String plugin() {
        return plugin;
    }

    public String key() {
        return key;
    }
}
