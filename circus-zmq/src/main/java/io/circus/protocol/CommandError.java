package io.circus.protocol;


/**
 * A command that fails with a Circus error reply: an errno, a reason, and a traceback (null except
 * for unexpected failures).
 */
public final class CommandError extends RuntimeException {

    /** How much of a request Circus-style errno 5 reasons quote. */
    private static final int QUOTED_BYTES = 1024;

    private final Errno errno;
    private final String tb;

    public CommandError(Errno errno, String reason) {
        this(errno, reason, null);
    }

    public CommandError(Errno errno, String reason, String tb) {
        super(reason, null, false, false);
        this.errno = errno;
        this.tb = tb;
    }

    /** errno 3, Circus's MessageError: a bad or missing property, an unknown watcher or option. */
    public static CommandError message(String reason) {
        return new CommandError(Errno.MESSAGE_ERROR, reason);
    }

    /** {@code message invalid 'x' is missing}, Circus's text for a required property. */
    public static CommandError missing(String property) {
        return message("message invalid '" + property + "' is missing");
    }

    /**
     * errno 5 with Circus's generic reason, which quotes the request as Python bytes:
     * {@code command b'{"command": ...}': <what went wrong>}. Circus answers this way to a few
     * mistakes its clients may test for (a duplicate add, an unknown signal name, childpid without
     * pid), so we keep the errno and the shape.
     */
    public static CommandError generic(Request request, String what) {
        return new CommandError(Errno.COMMAND_ERROR, "command " + PythonRepr.bytesRepr(request.raw(), QUOTED_BYTES)
                + ": " + what);
    }

    public Errno errno() {
        return errno;
    }

    public String reason() {
        return getMessage();
    }

    public String tb() {
        return tb;
    }
}
