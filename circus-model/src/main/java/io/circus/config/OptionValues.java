package io.circus.config;

import io.circus.process.Rlimit;
import io.circus.process.Signal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Circus's scalar conversions ({@code to_bool}, {@code int()}, {@code float()}, {@code to_signum},
 * {@code rlimit_value}), strict, shared by the ini loader and the run-time commands. Each failure is an
 * {@link IllegalArgumentException} whose message says what was expected; callers add key and value.
 */
public final class OptionValues {

    private static final Set<String> TRUE = Set.of("yes", "true", "on", "1");
    private static final Set<String> FALSE = Set.of("no", "false", "off", "0");
    // Python's int() and float() accept '_' between digits; we follow so a Circus file keeps working.
    private static final Pattern INT = Pattern.compile("[+-]?\\d+(?:_\\d+)*");
    private static final Pattern DECIMAL = Pattern.compile(
            "[+-]?(?:\\d+(?:_\\d+)*(?:\\.(?:\\d+(?:_\\d+)*)?)?|\\.\\d+(?:_\\d+)*)(?:[eE][+-]?\\d+)?");
    // Duration's own limit, well beyond any sensible timeout.
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Long.MAX_VALUE / 1_000_000_000L);

    private OptionValues() {
    }

    /** Circus's {@code to_bool}: yes/true/on/1 and no/false/off/0, any case, surrounding blanks ignored. */
    public static boolean parseBool(String text) {
        String v = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(v)) {
            return true;
        }
        if (FALSE.contains(v)) {
            return false;
        }
        throw new IllegalArgumentException("expected a boolean (true/false, yes/no, on/off, 1/0)");
    }

    /** An integer of at least {@code min}. */
    public static int parseInt(String text, int min) {
        long v;
        try {
            v = parseLong(text);
        } catch (IllegalArgumentException e) {
            v = Long.MIN_VALUE;
        }
        if (v < min || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("expected an integer >= " + min);
        }
        return (int) v;
    }

    /** Any integer that fits in an int. */
    public static int parseInt(String text) {
        long v = parseLong(text);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("expected an integer");
        }
        return (int) v;
    }

    /** Any integer that fits in a long. */
    public static long parseLong(String text) {
        String v = text == null ? "" : text.strip();
        if (!INT.matcher(v).matches()) {
            throw new IllegalArgumentException("expected an integer");
        }
        try {
            return Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected an integer (out of range)");
        }
    }

    /** A non-negative number of seconds, decimals allowed ({@code 25.5}). */
    public static Duration parseSeconds(String text) {
        Duration d = parseSignedSeconds(text);
        if (d.isNegative()) {
            throw new IllegalArgumentException("expected a number of seconds >= 0");
        }
        return d;
    }

    /** A number of seconds that may be zero or negative (check_delay, where that disables the tick). */
    public static Duration parseSignedSeconds(String text) {
        String v = text == null ? "" : text.strip();
        if (!DECIMAL.matcher(v).matches()) {
            throw new IllegalArgumentException("expected a number of seconds");
        }
        BigDecimal seconds = new BigDecimal(v.replace("_", ""));
        if (seconds.abs().compareTo(MAX_SECONDS) > 0) {
            throw new IllegalArgumentException("expected a number of seconds (out of range)");
        }
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        return Duration.ofSeconds(whole.longValueExact(), nanos);
    }

    /** Circus's {@code to_signum}: a number, or a name with or without SIG, any case, {@code RTMIN+1}. */
    public static Signal parseSignal(String text) {
        try {
            return Signal.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected a signal name or number (" + e.getMessage() + ")");
        }
    }

    /** Circus's {@code rlimit_value}: empty means unlimited; -1 is the same as empty. */
    public static long parseRlimit(String text) {
        String v = text == null ? "" : text.strip();
        if (v.isEmpty()) {
            return Rlimit.INFINITY;
        }
        long limit;
        try {
            limit = parseLong(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected an integer limit, or nothing for unlimited");
        }
        if (limit < -1) {
            throw new IllegalArgumentException("expected an integer limit >= 0, or nothing for unlimited");
        }
        return limit < 0 ? Rlimit.INFINITY : limit;
    }

    /** A string that must not be empty once stripped. */
    /**
     * A ZeroMQ endpoint as Circus writes them. A {@code tcp://host:port} endpoint must have a port
     * 0-65535 or {@code *}, so that a typo is a load error on its line rather than a bind failure;
     * other transports are left to the bind.
     */
    public static String endpoint(String text) {
        String e = requireText(text).strip();
        int sep = e.indexOf("://");
        if (sep <= 0) {
            throw new IllegalArgumentException("expected transport://address, e.g. tcp://127.0.0.1:5555");
        }
        if (e.substring(0, sep).equalsIgnoreCase("tcp")) {
            int colon = e.lastIndexOf(':');
            if (colon <= sep + 2 || e.endsWith("]")) {
                throw new IllegalArgumentException("a tcp endpoint needs a port: tcp://host:port");
            }
            String port = e.substring(colon + 1);
            if (!port.equals("*")) {
                int p;
                try {
                    p = Integer.parseInt(port);
                } catch (NumberFormatException x) {
                    throw new IllegalArgumentException("port '" + port + "' is not a number (or *)");
                }
                if (p < 0 || p > 65535) {
                    throw new IllegalArgumentException("port " + p + " is out of range (0-65535)");
                }
            }
        }
        return e;
    }

    public static String requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expected a non-empty value");
        }
        return text;
    }

    /** Optional strings: Circus treats an empty value like an absent one. */
    public static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** Seconds as Circus reports them: an integer when whole ({@code warmup_delay: 0}), else a float. */
    public static Number seconds(Duration d) {
        if (d.getNano() == 0) {
            return d.getSeconds();
        }
        return secondsAsDouble(d);
    }

    /** Seconds as a float ({@code graceful_timeout: 30.0}). */
    public static double secondsAsDouble(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
