package io.circus.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Circus's reply shapes ({@code commands/base.py}). Key order is part of the protocol as clients
 * see it: ok replies are {@code status, time, <command keys>, id}, and a command key named
 * {@code status} replaces {@code "ok"} in place (what {@code status <name>} relies on); error
 * replies are {@code status, reason, tb, time, errno, id}, with {@code tb} always present.
 */
public final class Replies {

    private Replies() {
    }

    /** {@code time.time()}: epoch seconds with sub-millisecond digits. */
    public static double now() {
        Instant t = Instant.now();
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    public static Map<String, Object> ok(Map<String, ?> props, JsonNode id) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", "ok");
        reply.put("time", now());
        reply.putAll(props);
        reply.put("id", WireJson.toJava(id));
        return reply;
    }

    public static Map<String, Object> error(Errno errno, String reason, String tb, JsonNode id) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", "error");
        reply.put("reason", reason);
        reply.put("tb", tb);
        reply.put("time", now());
        reply.put("errno", errno.code());
        reply.put("id", WireJson.toJava(id));
        return reply;
    }
}
