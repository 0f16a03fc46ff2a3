package io.circus.process;

/**
 * A child could not be started: the program is missing or not executable, the working directory
 * is bad, credentials do not resolve, or a system call failed. Nothing of the attempt is left
 * behind (no zombie, no descriptor). Circus counts these against {@code max_retry}.
 */
public final class SpawnException extends Exception {

    private final int errno;

    public SpawnException(String message, int errno) {
        super(message);
        this.errno = errno;
    }

    public SpawnException(String message, Throwable cause) {
        super(message, cause);
        this.errno = 0;
    }

    /** The errno of the failing call, or 0 when not from a system call. */
    public int errno() {
        return errno;
    }

    /**
     * Whether the attempt failed for want of a system resource rather than because of the request:
     * too many open files (EMFILE, ENFILE), too many processes (EAGAIN) or no memory (ENOMEM). Such
     * a failure says nothing about the program, so the supervisor retries it with a back-off instead
     * of counting it against {@code max_retry}.
     */
    public boolean resourceShortage() {
        return switch (errno) {
            case 11, 12, 23, 24 -> true; // EAGAIN, ENOMEM, ENFILE, EMFILE (Linux numbering)
            default -> false;
        };
    }
}
