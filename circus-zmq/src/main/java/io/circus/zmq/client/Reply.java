package io.circus.zmq.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circus.protocol.WireJson;
import java.util.Map;

/**
 * A reply of the control channel, as received. Circus replies are ok
 * ({@code {"status": "ok", "time": ..., <command keys>, "id": ...}}) or errors
 * ({@code {"status": "error", "reason", "tb", "time", "errno", "id"}}). As in Circus, any status
 * other than {@code "error"} is a success: {@code status <name>} answers {@code "status": "active"}.
 */
public final class Reply {

    private final ObjectNode json;

    public Reply(ObjectNode json) {
        this.json = json;
    }

    /** The whole reply. */
    public ObjectNode json() {
        return json;
    }

    /** The reply as plain Java values (maps, lists, strings, numbers, booleans, null). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> asMap() {
        return (Map<String, Object>) WireJson.toJava(json);
    }

    public String status() {
        return json.path("status").asText("");
    }

    public boolean isError() {
        return "error".equals(status());
    }

    /** Circus's errno (1 json invalid ... 6 server error), or 0 for a success. */
    public int errno() {
        return json.path("errno").asInt(0);
    }

    /** Why it failed, or null for a success. */
    public String reason() {
        JsonNode r = json.get("reason");
        return r == null || r.isNull() ? null : r.asText();
    }

    /** One key of the reply (e.g. {@code watchers}, {@code numprocesses}), or null when absent. */
    public JsonNode get(String key) {
        return json.get(key);
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
