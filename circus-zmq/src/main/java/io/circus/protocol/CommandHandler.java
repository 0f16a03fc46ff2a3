package io.circus.protocol;

import java.util.Map;

/** Executes decoded requests; implemented by the command layer. */
public interface CommandHandler {

    /**
     * Whether the request may take long (a {@code waiting} operation, a /proc walk): it then runs on
     * a thread of its own instead of holding up the requests behind it.
     */
    boolean offload(Request request);

    /**
     * Whether the request only reads attributes, never waits for the runtime and changes nothing:
     * then it may run on the control thread itself.
     */
    boolean readOnly(Request request);

    /**
     * The reply, in Circus's shape ({@link Replies}), or null when none is due (a cast). Must not
     * throw: every failure is an error reply.
     */
    Map<String, Object> handle(Request request);
}
