package io.circus.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.circus.protocol.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks replies against Circus's shapes: key order, status, time, errno, reason, tb and id. */
final class ReplyAssert {

    /** {@code "time": 1795836817.1839178}: Python's float repr of an epoch time, never exponent notation. */
    private static final Pattern TIME = Pattern.compile("\"time\": \\d{10}\\.\\d+[,}]");

    private ReplyAssert() {
    }

    static JsonNode parse(String text) {
        try {
            return WireJson.parse(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    static List<String> keys(JsonNode reply) {
        List<String> keys = new ArrayList<>();
        reply.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /**
     * An ok reply: {@code status, time, <keys>, id}, with Python's separators and a current time.
     *
     * @return the parsed reply
     */
    static JsonNode ok(String text, String id, String... keys) {
        JsonNode r = parse(text);
        List<String> expected = new ArrayList<>(List.of("status", "time"));
        expected.addAll(List.of(keys));
        expected.add("id");
        assertEquals(expected, keys(r), text);
        assertEquals("ok", r.get("status").asText(), text);
        checkTimeAndId(text, r, id);
        return r;
    }

    /** An error reply: exactly {@code status, reason, tb, time, errno, id}. */
    static JsonNode error(String text, int errno, String reason, String id) {
        JsonNode r = parse(text);
        assertEquals(List.of("status", "reason", "tb", "time", "errno", "id"), keys(r), text);
        assertEquals("error", r.get("status").asText(), text);
        if (reason != null) {
            assertEquals(reason, r.get("reason").asText(), text);
        }
        assertEquals(errno, r.get("errno").asInt(), text);
        checkTimeAndId(text, r, id);
        return r;
    }

    static void checkTimeAndId(String text, JsonNode r, String id) {
        assertTrue(TIME.matcher(text).find(), "time as Python writes it: " + text);
        double now = System.currentTimeMillis() / 1000.0;
        assertTrue(Math.abs(r.get("time").asDouble() - now) < 120, "a current time: " + text);
        assertFalse(text.contains("\":\""), "Python separators: " + text);
        if (id == null) {
            assertTrue(r.get("id").isNull(), text);
        } else {
            assertEquals(id, r.get("id").asText(), text);
        }
    }
}
