package io.circus.zmq.control;

import io.circus.protocol.Request;
import io.circus.protocol.Replies;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circus.protocol.Errno;
import io.circus.protocol.WireJson;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the frames a ROUTER received into a {@link Request}, or into the error reply that says why
 * it cannot be one. Circus answers {@code json invalid} (errno 1, id null) to bytes that are not
 * UTF-8 JSON; where Circus sends nothing at all (an empty payload, JSON that is not an object, a
 * missing {@code command}, extra frames) we answer too, so that a broken client is told what is
 * wrong instead of timing out. Only a {@code cast} is never answered, as in Circus.
 *
 * <p>Threading: stateless; used on the control thread.
 */
public final class RequestDecoder {

    /** What became of a message. */
    public sealed interface Decoded permits Accepted, Rejected {
    }

    /** @param envelope where the reply goes; the request itself knows nothing of ZeroMQ */
    public record Accepted(Envelope envelope, Request request) implements Decoded {
    }

    /** @param reply the error reply to send, or null when none may be sent (a cast) */
    public record Rejected(Envelope envelope, Map<String, Object> reply) implements Decoded {
    }

    private final int maxRequestBytes;

    /** @param maxRequestBytes larger payloads are refused with an error reply, unparsed */
    public RequestDecoder(int maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    /** @param frames every frame received, the peer's identity first */
    public Decoded decode(List<byte[]> frames) {
        // Routing frames end at the first empty frame (REQ's delimiter); the reply repeats them all.
        int delimiter = -1;
        for (int i = 1; i < frames.size() - 1 && delimiter < 0; i++) {
            if (frames.get(i).length == 0) {
                delimiter = i;
            }
        }
        int first = delimiter < 0 ? 1 : delimiter + 1;
        Envelope envelope = delimiter < 0 ? Envelope.of(frames.getFirst())
                : new Envelope(new ArrayList<>(frames.subList(0, first)));
        int parts = frames.size() - first;
        if (parts != 1) {
            JsonNode id = null;
            for (int i = first; i < frames.size() && id == null; i++) {
                id = IdPeek.of(frames.get(i));
            }
            return reject(envelope, Errno.INVALID_JSON, "invalid message: expected one frame holding a JSON request, got "
                    + parts + " frames", id);
        }
        byte[] payload = frames.get(first);
        if (payload.length > maxRequestBytes) {
            // Answered with the id the client waits for, found without parsing the rest.
            return reject(envelope, Errno.INVALID_JSON, "message too large: " + payload.length + " bytes (limit "
                    + maxRequestBytes + ")", IdPeek.of(payload));
        }
        JsonNode json;
        try {
            String text = WireJson.utf8(payload).strip();
            if (text.isEmpty()) {
                return reject(envelope, Errno.INVALID_JSON, "empty command", null);
            }
            json = WireJson.parse(text);
        } catch (CharacterCodingException | JsonProcessingException e) {
            return reject(envelope, Errno.INVALID_JSON, "json invalid", null);
        }
        if (!json.isObject()) {
            return reject(envelope, Errno.INVALID_JSON, "invalid message: a request is a JSON object, got "
                    + kind(json), null);
        }
        JsonNode id = json.get("id");
        boolean cast = "cast".equals(json.path("msg_type").textValue());
        JsonNode command = json.get("command");
        if (command == null || command.isNull()) {
            return rejectUnlessCast(cast, envelope, "message invalid 'command' is missing", id);
        }
        if (!command.isTextual()) {
            return rejectUnlessCast(cast, envelope, "message invalid 'command' must be a string, got " + kind(command), id);
        }
        JsonNode props = json.get("properties");
        ObjectNode properties;
        if (props == null || props.isNull() || (props.isArray() && props.isEmpty())) {
            properties = JsonNodeFactory.instance.objectNode();
        } else if (props.isObject()) {
            properties = (ObjectNode) props;
        } else {
            return rejectUnlessCast(cast, envelope, "message invalid 'properties' must be an object, got " + kind(props), id);
        }
        return new Accepted(envelope, Request.of(payload, id, command.textValue(), properties, cast));
    }

    /** A JSON type as Python would name it in an error. */
    public static String kind(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        return "a number";
    }

    private static Decoded rejectUnlessCast(boolean cast, Envelope envelope, String reason, JsonNode id) {
        return cast ? new Rejected(envelope, null) : reject(envelope, Errno.MESSAGE_ERROR, reason, id);
    }

    private static Decoded reject(Envelope envelope, Errno errno, String reason, JsonNode id) {
        return new Rejected(envelope, Replies.error(errno, reason, null, id));
    }
}
