package io.circus.jmx;

import io.circus.runtime.CircusException;
import java.security.InvalidParameterException;
import javax.management.openmbean.KeyAlreadyExistsException;

/**
 * How a refusal ({@link CircusException}) travels through JMX, and back. Exceptions reach remote
 * clients that may not have our classes, so the beans throw only JDK types; the kinds a facade must
 * tell apart get a JDK subclass of {@link IllegalArgumentException} each, so every JMX console still
 * shows a refusal as before (an IllegalArgumentException with the runtime's message) while the
 * protocol layer reads the kind from the type, never from the message:
 *
 * <table>
 *   <caption>JMX form of each kind</caption>
 *   <tr><th>kind</th><th>thrown as</th></tr>
 *   <tr><td>DUPLICATE</td><td>{@link KeyAlreadyExistsException}</td></tr>
 *   <tr><td>CONFLICT</td><td>{@link InvalidParameterException}</td></tr>
 *   <tr><td>INVALID, NOT_FOUND, NOT_ALLOWED</td><td>{@link IllegalArgumentException}</td></tr>
 * </table>
 *
 * A failure of accepted work is an {@link IllegalStateException}, not a refusal.
 *
 * <p>Stateless; safe from any thread.
 */
public final class Refusals {

    private Refusals() {
    }

    /** The JDK exception a refusal is thrown as by the beans: message kept, no cause chain. */
    public static IllegalArgumentException toJmx(IllegalArgumentException refusal) {
        String message = refusal.getMessage();
        CircusException.Kind kind = refusal instanceof CircusException c ? c.kind() : CircusException.Kind.INVALID;
        return switch (kind) {
            case DUPLICATE -> new KeyAlreadyExistsException(message);
            case CONFLICT -> new InvalidParameterException(message);
            default -> new IllegalArgumentException(message);
        };
    }

    /**
     * The kind of refusal an exception thrown by a bean stands for (also a {@link CircusException}
     * met in-process), or null when it is not a refusal.
     */
    public static CircusException.Kind kindOf(Throwable t) {
        return switch (t) {
            case CircusException c -> c.kind();
            case KeyAlreadyExistsException k -> CircusException.Kind.DUPLICATE;
            case InvalidParameterException p -> CircusException.Kind.CONFLICT;
            case IllegalArgumentException i -> CircusException.Kind.INVALID;
            case null, default -> null;
        };
    }
}
