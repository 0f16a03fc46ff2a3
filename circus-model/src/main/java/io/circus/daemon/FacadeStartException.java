package io.circus.daemon;

import java.io.Serial;

/**
 * A facade could not start (a port in use, an unreadable key file). Everything started before it,
 * the arbiter included, has been closed when this is thrown. The message is the facade's own, which
 * names the {@code [circus]} key at fault where there is one.
 */
public final class FacadeStartException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    FacadeStartException(RuntimeException cause) {
        super(cause.getMessage(), cause);
    }

    /** The facade's own exception, for callers that report it as the facade threw it. */
    @Override
    public synchronized RuntimeException getCause() {
        return (RuntimeException) super.getCause();
    }
}
