package io.circus.runtime.core;

import io.circus.runtime.BackoffStatus;
import io.circus.runtime.FlappingStatus;
import java.util.HashMap;
import java.util.Map;

/** The payload of a {@code flapping} event, the same shape whoever judged it (see EventType.FLAPPING). */
final class FlappingEvents {

    private FlappingEvents() {
    }

    /** A plugin parked the watcher. */
    static Map<String, Object> fields(FlappingStatus s) {
        long now = System.currentTimeMillis();
        Map<String, Object> m = new HashMap<>();
        m.put("time", now / 1000.0);
        m.put("source", s.source());
        m.put("state", FlappingStatus.describe(s, null, now));
        m.put("parked", true);
        m.put("retry_in", s.retryEpochMillis() > 0 ? Math.max(0, s.retryEpochMillis() - now) / 1000.0 : null);
        m.put("tries", s.tries());
        m.put("max_retry", s.maxRetry());
        m.put("reason", s.reason());
        return nullsAllowed(m);
    }

    /** The core started backing off a crash-looping watcher: it keeps it, respawning after a delay. */
    static Map<String, Object> backoff(String reason, double delaySeconds, long nextRetryMillis) {
        long now = System.currentTimeMillis();
        Map<String, Object> m = new HashMap<>();
        m.put("time", now / 1000.0);
        m.put("source", "backoff");
        m.put("state", FlappingStatus.describe(null,
                new BackoffStatus(true, 1, now, nextRetryMillis, (long) (delaySeconds * 1000), reason), now));
        m.put("parked", false);
        m.put("retry_in", delaySeconds);
        m.put("tries", 0);
        m.put("max_retry", -1);
        m.put("reason", reason);
        return nullsAllowed(m);
    }

    private static Map<String, Object> nullsAllowed(Map<String, Object> m) {
        // Event copies its fields with Map.copyOf, which refuses null values: a missing retry is absent.
        if (m.get("retry_in") == null) {
            m.remove("retry_in");
        }
        return m;
    }

    /**
     * Loads and links everything the payloads need. The back-off event goes out when spawns fail with
     * EMFILE: a class loaded for the first time then (it needs a descriptor to read) would fail and take
     * the supervisor loop with it.
     */
    static void warmUp() {
        backoff("warm-up", 0.1, System.currentTimeMillis() + 100);
        fields(new FlappingStatus("warm-up", true, 0, System.currentTimeMillis() + 1000, 1, 1, "warm-up"));
        fields(new FlappingStatus("warm-up", true, 0, 0, 1, 1, ""));
        FlappingStatus.describe(FlappingStatus.NONE, BackoffStatus.NONE, 0);
    }
}
