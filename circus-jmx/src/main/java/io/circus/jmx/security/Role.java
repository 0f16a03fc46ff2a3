package io.circus.jmx.security;

import java.util.Locale;

/**
 * The two roles of the JMX connector. The access file gives each user one, by name, or by the
 * JDK's words for the same thing ({@code readonly}, {@code readwrite}).
 */
public enum Role {
    /** Reads attributes, receives notifications, calls INFO operations of the circus beans. */
    MONITOR,
    /** Also calls every other operation and sets attributes: runs commands as the daemon's user. */
    CONTROL;

    /** @return null when the word names no role */
    static Role parse(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "monitor", "readonly" -> MONITOR;
            case "control", "readwrite" -> CONTROL;
            default -> null;
        };
    }
}
