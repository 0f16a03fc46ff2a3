package io.circus.console.ctl;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Where a one-shot {@code listen --endpoint E} subscribes. As in Circus, {@code E} is taken as the
 * pub/sub endpoint; but an operator who passes the control endpoint (the one every other command
 * takes) would otherwise wait in silence, since no event is ever published there. So {@code E} is
 * asked, briefly, whether it answers the control protocol: if it does, the daemon's own
 * {@code pubsub_endpoint} is used instead, and the substitution is said on stderr.
 *
 * <p>Threading: called on the thread that runs the command; the probe client is its own and closed here.
 */
final class ListenTarget {

    /** Long enough for a local daemon to answer, short enough not to delay a real pub/sub endpoint much. */
    static final Duration PROBE = Duration.ofMillis(1500);

    private ListenTarget() {
    }

    static String resolve(String endpoint, PrintStream err) {
        try (ZmqTransport probe = new ZmqTransport(endpoint, PROBE)) {
            var reply = probe.call("globaloptions", JsonNodeFactory.instance.objectNode().put("option", "pubsub_endpoint"));
            String pubsub = reply.path("options").path("pubsub_endpoint").asText(null);
            if (pubsub == null || pubsub.contains("*")) {
                err.println("circusctl: " + endpoint + " is a control endpoint, and its daemon's pubsub_endpoint ("
                        + pubsub + ") cannot be connected to: use --pubsub");
                return endpoint;
            }
            err.println("circusctl: " + endpoint + " is the control endpoint; events come from the daemon's "
                    + "pubsub_endpoint " + pubsub);
            return pubsub;
        } catch (NoReplyException e) {
            return endpoint; // not a control endpoint: a pub/sub one, as Circus's circusctl assumes
        }
    }
}
