package io.circus.protocol;

/**
 * Circus's error numbers ({@code circus/commands/errors.py}), carried in the {@code errno} field of
 * an error reply. Clients such as circusctl branch on them, so the values are fixed.
 */
public enum Errno {
    NOT_SPECIFIED(0),
    /** The request could not be decoded: not UTF-8, not JSON, not an object, empty, too large, bad framing. */
    INVALID_JSON(1),
    /** No such command. */
    UNKNOWN_COMMAND(2),
    /** A missing or badly typed property, an unknown watcher, option or process. */
    MESSAGE_ERROR(3),
    /** The operating system refused (for example a signal that could not be delivered). */
    OS_ERROR(4),
    /** The command failed for another reason (Circus: any other exception). */
    COMMAND_ERROR(5),
    /** Work started for a {@code waiting} request failed after the request was accepted ("server error"). */
    BAD_MSG_DATA_ERROR(6);

    private final int code;

    Errno(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The constant with this code, or {@link #NOT_SPECIFIED} for an unknown one. */
    public static Errno of(int code) {
        for (Errno e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        return NOT_SPECIFIED;
    }
}
