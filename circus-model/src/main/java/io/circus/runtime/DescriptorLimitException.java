package io.circus.runtime;

/**
 * The open-files limit cannot hold what a configuration or a run-time change asks for. The message
 * names the watcher and says how many descriptors are needed, how many are allowed and how to raise
 * the limit; nothing was started or changed.
 */
public final class DescriptorLimitException extends IllegalArgumentException {

    private final String watcher;
    private final long needed;
    private final long allowed;

    public DescriptorLimitException(String watcher, long needed, long allowed, String message) {
        super(message);
        this.watcher = watcher;
        this.needed = needed;
        this.allowed = allowed;
    }

    /** The watcher whose processes do not fit. */
    public String watcher() { return watcher; }

    /** Descriptors the daemon would hold with the change. */
    public long needed() { return needed; }

    /** The daemon's soft open-files limit. */
    public long allowed() { return allowed; }
}
