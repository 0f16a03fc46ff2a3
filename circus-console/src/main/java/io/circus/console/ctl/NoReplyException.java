package io.circus.console.ctl;

/**
 * No reply: the daemon could not be reached or took longer than the timeout (Circus's
 * {@code CallError}); circusctl exits 1. The message is what circusctl prints, e.g.
 * {@code Timed out.}. Either transport's failure becomes one (the ZeroMQ client's unchecked
 * {@link io.circus.zmq.client.CallException} included), so the console handles one checked type.
 */
public final class NoReplyException extends Exception {

    public static final String TIMED_OUT = "Timed out.";

    public NoReplyException(String message) {
        super(message);
    }

    public NoReplyException(String message, Throwable cause) {
        super(message, cause);
    }

    public boolean timedOut() {
        return getMessage() != null && getMessage().toLowerCase(java.util.Locale.ROOT).contains("timed out");
    }
}
