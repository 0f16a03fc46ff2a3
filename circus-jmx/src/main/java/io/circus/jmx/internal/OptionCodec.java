package io.circus.jmx.internal;

import io.circus.config.GlobalSettings;
import io.circus.config.WatcherConfig;
import java.util.Map;
import java.util.Set;

/**
 * The option table behind {@code set}, {@code get}, {@code options}, {@code add} and
 * {@code globaloptions}: Circus key ↔ typed value ↔ {@link WatcherConfig}. The configuration layer
 * owns the real table ({@code io.circus.config.WatcherOptions} and {@code GlobalOptions}, in
 * progress on another branch); this seam lets the beans work before it lands.
 * {@link InterimOptionCodec} is the stand-in until then.
 */
interface OptionCodec {

    /**
     * The definition with one option changed.
     *
     * @throws IllegalArgumentException naming key and value when the key is unknown or the value invalid
     */
    WatcherConfig apply(WatcherConfig base, String key, String value);

    /** Circus's {@code options} reply: every option by key, typed as Circus types it. */
    Map<String, Object> toOptions(WatcherConfig config);

    /** Every key {@link #apply} accepts (prefixed families excluded). */
    Set<String> knownKeys();

    /** Whether changing this key touches no running process. */
    boolean isLive(String key);

    /** Circus's {@code globaloptions} reply. */
    Map<String, Object> globalOptions(GlobalSettings settings);
}
