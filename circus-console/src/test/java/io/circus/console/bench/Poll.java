package io.circus.console.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Polls a condition with a deadline on the monotonic clock; a step that never completes fails the figure. */
final class Poll {

    /** A condition that may fail with an I/O error (a protocol call). */
    @FunctionalInterface
    interface Condition {
        boolean met() throws Exception;
    }

    /** Thrown when a step did not complete in time; the message names the step. */
    static final class TimedOut extends RuntimeException {
        TimedOut(String message) {
            super(message);
        }
    }

    private Poll() {
    }

    /**
     * Returns the nanoTime at which {@code c} was first seen true, polling every {@code pause}.
     * The poll's own cost bounds the resolution of the figure: a daemon that answers a {@code list}
     * of 10,000 pids in 100 ms is seen at most every 100 ms.
     */
    static long until(String what, Duration timeout, Duration pause, Condition c) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (c.met()) {
                return System.nanoTime();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new TimedOut(what + ": not done after " + timeout.toSeconds() + " s");
            }
            LockSupport.parkNanos(pause.toNanos());
        }
    }

    static void pause(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        for (long left = d.toNanos(); left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
