package io.circus.console.ctl;

/** A command's arguments are wrong (Circus's {@code ArgumentError}); circusctl exits 1. */
public final class ArgumentException extends Exception {

    public ArgumentException(String message) {
        super(message);
    }
}
