package io.circus.testing;

import io.circus.daemon.EmbeddedDaemon;

/** Ending a test's embedded daemon: a daemon that does not quit fails the test, not its clean-up silently. */
public final class Daemons {

    private Daemons() {
    }

    /** Closes {@code daemon}; an arbiter that did not quit in time is an assertion failure. */
    public static void close(EmbeddedDaemon daemon) {
        try {
            daemon.close();
        } catch (IllegalStateException e) {
            throw new AssertionError("arbiter did not quit: " + e, e);
        }
    }
}
