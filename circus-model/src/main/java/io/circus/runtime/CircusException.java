package io.circus.runtime;

/**
 * An operation the runtime refused, with the {@link Kind} of refusal, so that every facade maps it
 * to its own vocabulary (a Circus errno and reason, a JMX exception, an exit code) without reading
 * the message. The message is for people: it names what was refused and why.
 *
 * <p>It is an {@link IllegalArgumentException}, as every refusal of the runtime has been, so code
 * that catches refusals by that type keeps working. A failure of work already accepted (a spawn that
 * failed, a timeout) is not one of these: it stays an {@link IllegalStateException}.
 */
public final class CircusException extends IllegalArgumentException {

    /** What kind of refusal; nothing changed in any case. */
    public enum Kind {
        /** A missing or malformed argument or option value. */
        INVALID,
        /** No such watcher, process or option. */
        NOT_FOUND,
        /** The name is already taken (watcher names are unique regardless of case). */
        DUPLICATE,
        /** The request contradicts the target's definition: more than one process for a singleton. */
        CONFLICT,
        /** The caller may not ask for this ({@code endpoint_owner}). */
        NOT_ALLOWED
    }

    private final Kind kind;

    public CircusException(Kind kind, String message) {
        super(message);
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    /** The refusal of more than one process for a singleton watcher, in Circus's words. */
    public static CircusException singleton() {
        return new CircusException(Kind.CONFLICT, "Singleton watcher has a single process");
    }
}
