package io.circus.time;

/**
 * The monotonic clock behind every timeout, delay, back-off and age in the daemon. Injectable so
 * tests can drive time; production uses {@link #SYSTEM}. Never wall-clock time: a clock step must
 * not fire or postpone a SIGKILL.
 */
@FunctionalInterface
public interface Ticker {

    /** Nanoseconds from an arbitrary origin; only differences are meaningful. */
    long nanoTime();

    Ticker SYSTEM = System::nanoTime;
}
