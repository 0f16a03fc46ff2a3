package io.circus.console.ctl;

/**
 * No reply: the daemon could not be reached or took longer than the timeout (Circus's
 * {@code CallError}); circusctl exits 1. The message is what circusctl prints, e.g.
 * {@code Timed out.}.
 */
public final class CallException extends Exception {

    public static final String TIMED_OUT = "Timed out.";

    public CallException(String message) {
        super(message);
    }

    public CallException(String message, Throwable cause) {
        super(message, cause);
    }

    public boolean timedOut() {
        return getMessage() != null && getMessage().toLowerCase(java.util.Locale.ROOT).contains("timed out");
    }
}
