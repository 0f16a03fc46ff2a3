package io.circus.extension;

/**
 * A class named as an extension cannot be used: not found, not public, not of the expected type, or
 * without a public no-argument constructor. The message names the class, the expectation and the
 * extension path, so an operator can fix the configuration without guessing.
 */
public final class ExtensionException extends Exception {

    public ExtensionException(String message) {
        super(message);
    }

    public ExtensionException(String message, Throwable cause) {
        super(message, cause);
    }
}
