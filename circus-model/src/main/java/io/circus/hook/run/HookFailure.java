package io.circus.hook.run;

/** A hook failed in a way that is not a Java exception of its own: an exit status, a timeout, a spawn error. */
final class HookFailure extends Exception {

    private final boolean timedOut;

    HookFailure(String message) {
        this(message, false);
    }

    HookFailure(String message, boolean timedOut) {
        super(message, null, false, false);
        this.timedOut = timedOut;
    }

    boolean timedOut() {
        return timedOut;
    }
}
