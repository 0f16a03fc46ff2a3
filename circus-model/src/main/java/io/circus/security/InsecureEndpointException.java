package io.circus.security;

/** A channel configured to listen beyond loopback without authentication; nothing was bound. */
public final class InsecureEndpointException extends IllegalStateException {

    public InsecureEndpointException(String message) {
        super(message);
    }
}
