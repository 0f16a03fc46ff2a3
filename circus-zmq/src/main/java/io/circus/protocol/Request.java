package io.circus.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * One decoded Circus request, free of any transport: where the reply goes is the transport's
 * business (the ZeroMQ channel keeps the routing frames beside it).
 *
 * @param raw        the payload as received (Circus quotes it in errno 5 reasons)
 * @param id         the request's {@code id}, echoed verbatim in the reply; null when absent
 * @param command    the command name, lower-cased (Circus looks commands up case-insensitively)
 * @param sentAs     the command name as sent, for {@code unknown command: 'x'}
 * @param properties the {@code properties} object; empty when absent or null
 * @param cast       {@code msg_type == "cast"}: run it, never reply
 * @param waiting    {@code properties.waiting} by Python truthiness
 */
public record Request(byte[] raw, JsonNode id, String command, String sentAs, ObjectNode properties,
                      boolean cast, boolean waiting) {

    /**
     * A request as Circus's controller reads one: the command looked up in lower case, {@code waiting}
     * judged by Python truthiness.
     */
    public static Request of(byte[] raw, JsonNode id, String sentAs, ObjectNode properties, boolean cast) {
        return new Request(raw, id, sentAs.toLowerCase(Locale.ROOT), sentAs, properties, cast,
                PythonRepr.truthy(properties.get("waiting")));
    }
}
