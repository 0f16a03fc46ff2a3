package io.circus.runtime.core;

import io.circus.config.WatcherConfig;

/** Opens a watcher's output routing from its stream configuration. */
@FunctionalInterface
public interface WatcherOutputFactory {

    /** @throws IllegalArgumentException for a stream configuration that cannot be opened */
    WatcherOutput open(WatcherConfig config);
}
