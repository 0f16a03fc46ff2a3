package io.circus.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Circus's {@code globaloptions} reply, built from the {@code [circus]} settings. */
public final class GlobalOptions {

    /** What Circus reports for stats_endpoint when none is configured. */
    public static final String DEFAULT_STATS_ENDPOINT = "tcp://127.0.0.1:5557";

    private static final Set<String> KEYS = Collections.unmodifiableSet(new LinkedHashSet<>(
            List.of("endpoint", "stats_endpoint", "pubsub_endpoint", "check_delay", "multicast_endpoint")));

    private GlobalOptions() {
    }

    /**
     * The five options Circus reports, in its order: {@code endpoint}, {@code stats_endpoint} (the
     * default endpoint when stats are off, as Circus's loader always fills it in), {@code pubsub_endpoint},
     * {@code check_delay} (a float) and {@code multicast_endpoint}.
     */
    public static Map<String, Object> toOptions(GlobalSettings g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("endpoint", g.endpoint());
        m.put("stats_endpoint", g.statsEndpoint() == null ? DEFAULT_STATS_ENDPOINT : g.statsEndpoint());
        m.put("pubsub_endpoint", g.pubsubEndpoint());
        m.put("check_delay", OptionValues.secondsAsDouble(g.checkDelay()));
        m.put("multicast_endpoint", g.multicastEndpoint());
        return Collections.unmodifiableMap(m);
    }

    /** The option names {@code globaloptions} accepts; any other is "not an existing option". */
    public static Set<String> knownKeys() {
        return KEYS;
    }
}
