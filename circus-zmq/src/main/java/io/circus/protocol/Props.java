package io.circus.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circus.zmq.control.RequestDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed access to a request's {@code properties}. A missing required property reads
 * {@code message invalid 'x' is missing}, as in Circus; a property of the wrong JSON type says
 * what was expected and what came (Circus would often crash with errno 5 or silently misbehave).
 * Absent and {@code null} mean the same.
 */
final class Props {

    private final Request request;
    private final ObjectNode p;

    Props(Request request) {
        this.request = request;
        this.p = request.properties();
    }

    Request request() {
        return request;
    }

    boolean has(String key) {
        JsonNode v = p.get(key);
        return v != null && !v.isNull();
    }

    JsonNode raw(String key) {
        return p.get(key);
    }

    /** A required non-empty string. */
    String requireString(String key) {
        return string(key).filter(s -> !s.isEmpty()).orElseThrow(() -> CommandError.missing(key));
    }

    Optional<String> string(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode v = p.get(key);
        if (!v.isTextual()) {
            throw wrongType(key, "a string", v);
        }
        return Optional.of(v.textValue());
    }

    boolean flag(String key, boolean dflt) {
        if (!has(key)) {
            return dflt;
        }
        JsonNode v = p.get(key);
        if (!v.isBoolean()) {
            throw wrongType(key, "a boolean", v);
        }
        return v.booleanValue();
    }

    int integer(String key, int dflt) {
        if (!has(key)) {
            return dflt;
        }
        JsonNode v = p.get(key);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw wrongType(key, "an integer", v);
        }
        return v.intValue();
    }

    /** A pid: a JSON integer or a numeric string (Circus converts with {@code int()}); 0 when absent. */
    long pid(String key) {
        if (!has(key)) {
            return 0;
        }
        JsonNode v = p.get(key);
        if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() > 0) {
            return v.longValue();
        }
        if (v.isTextual()) {
            try {
                long pid = Long.parseLong(v.textValue().strip());
                if (pid > 0) {
                    return pid;
                }
            } catch (NumberFormatException e) {
                // Reported below.
            }
        }
        throw CommandError.message("message invalid '" + key + "' must be a process id (a positive integer), got "
                + v);
    }

    /** A number of seconds, or -1 when absent. */
    double seconds(String key) {
        if (!has(key)) {
            return -1;
        }
        JsonNode v = p.get(key);
        if (!v.isNumber() || v.doubleValue() < 0 || Double.isNaN(v.doubleValue())) {
            throw CommandError.message("message invalid '" + key + "' must be a number of seconds, got " + v);
        }
        return v.doubleValue();
    }

    /** A required array of strings. */
    List<String> strings(String key) {
        if (!has(key)) {
            throw CommandError.missing(key);
        }
        JsonNode v = p.get(key);
        if (!v.isArray()) {
            throw wrongType(key, "an array of strings", v);
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw wrongType(key, "an array of strings", v);
            }
            out.add(item.textValue());
        }
        return out;
    }

    static CommandError wrongType(String key, String expected, JsonNode got) {
        return CommandError.message("message invalid '" + key + "' must be " + expected + ", got "
                + RequestDecoder.kind(got));
    }
}
