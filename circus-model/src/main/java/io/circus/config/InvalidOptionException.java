package io.circus.config;

/**
 * A watcher option that cannot be applied. The message reads {@code key = 'value': problem}; the
 * parts are kept apart so the ini loader can put them into a {@link ConfigException} without repeating
 * them, and the command layer can phrase its own reply.
 */
public final class InvalidOptionException extends IllegalArgumentException {

    private final String key;
    private final String value;
    private final String problem;

    public InvalidOptionException(String key, String value, String problem) {
        super(key + " = '" + value + "': " + problem);
        this.key = key;
        this.value = value;
        this.problem = problem;
    }

    public String key() { return key; }
    public String value() { return value; }
    public String problem() { return problem; }
}
