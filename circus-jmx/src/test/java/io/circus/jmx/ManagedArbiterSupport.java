package io.circus.jmx;

import io.circus.config.WatcherConfig;

/** Test helpers shared with the internal package's tests. */
public final class ManagedArbiterSupport {

    private ManagedArbiterSupport() {
    }

    public static WatcherConfig.Builder sleepers(String name) {
        return ManagedArbiter.sleepers(name, 1);
    }
}
