package io.circus.config;

import java.util.Map;

/**
 * An output stream as configured with {@code stdout_stream.*} or {@code stderr_stream.*}.
 *
 * @param className the stream class ({@code FileStream}, {@code WatchedFileStream},
 *                  {@code TimedRotatingFileStream}, {@code StdoutStream}, {@code FancyStdoutStream},
 *                  or a fully qualified Java class); empty for no stream
 * @param options   the other keys, e.g. {@code filename}, {@code max_bytes}
 */
public record StreamConfig(String className, Map<String, String> options) {

    public static final StreamConfig NONE = new StreamConfig("", Map.of());

    public StreamConfig {
        options = Map.copyOf(options);
    }

    /** Whether output should be piped and delivered to a stream at all. */
    public boolean isConfigured() {
        return !className.isEmpty();
    }
}
