package io.circus.zmq.control;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.circus.protocol.WireJson;
import java.io.IOException;

/**
 * Finds a request's {@code id} without building the request: a streaming pass over the top-level
 * object that skips every other value unread, so that a request refused for its size (or its framing)
 * is still answered with the id its client waits for. Costs one pass over the bytes and no copy of
 * them; anything that is not a JSON object with an {@code id} before the first syntax error gives null.
 *
 * <p>Threading: stateless; used on the control thread.
 */
final class IdPeek {

    /** Reads the id's value alone; the rest of the object is what remains "trailing". */
    private static final ObjectReader READER = WireJson.mapper().reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private IdPeek() {
    }

    /** The request's id, or null when there is none or the bytes do not say. */
    static JsonNode of(byte[] payload) {
        try (JsonParser p = READER.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                p.nextToken();
                if ("id".equals(name)) {
                    return READER.readTree(p);
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
