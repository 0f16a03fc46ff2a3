package io.circus.zmq.client;

/**
 * A call that got no usable reply: Circus's {@code CallError}. An error <em>reply</em> is not an
 * exception: it comes back as a {@link Reply} whose {@link Reply#isError()} is true.
 */
public final class CallException extends RuntimeException {

    private final boolean timedOut;

    public CallException(String message, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    /** Whether no reply came within the timeout ({@code "Timed out."}, as Circus says). */
    public boolean timedOut() {
        return timedOut;
    }
}
