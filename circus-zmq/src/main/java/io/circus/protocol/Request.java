package io.circus.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circus.zmq.control.Envelope;

/**
 * A decoded control request.
 *
 * @param envelope   where the reply goes
 * @param raw        the payload as received (Circus quotes it in errno 5 reasons)
 * @param id         the request's {@code id}, echoed verbatim in the reply; null when absent
 * @param command    the command name, lower-cased (Circus looks commands up case-insensitively)
 * @param sentAs     the command name as sent, for {@code unknown command: 'x'}
 * @param properties the {@code properties} object; empty when absent or null
 * @param cast       {@code msg_type == "cast"}: run it, never reply
 * @param waiting    {@code properties.waiting} by Python truthiness
 */
public record Request(Envelope envelope, byte[] raw, JsonNode id, String command, String sentAs, ObjectNode properties,
                      boolean cast, boolean waiting) {
}
