package io.circus.stats;

import java.util.Locale;

/**
 * Renders figures the way Circus's {@code stats} reply and {@code circusctl} print them, so the
 * facades stay wire-compatible.
 */
public final class CircusFormat {

    private static final String UNITS = "KMGTPEZY";

    private CircusFormat() {
    }

    /**
     * Circus's {@code bytes2human}: {@code 100} → {@code "100B"}, {@code 10000} → {@code "9.77K"},
     * {@code 100001221} → {@code "95.37M"} (powers of 1024, two decimals).
     */
    public static String bytes(long n) {
        for (int i = UNITS.length() - 1; i >= 0; i--) {
            double unit = Math.pow(1024, i + 1);
            if (n >= unit) {
                return String.format(Locale.ROOT, "%.2f%c", n / unit, UNITS.charAt(i));
            }
        }
        return n + "B";
    }

    /**
     * Circus's {@code ctime}: total CPU time as {@code M:SS.cc}, minutes modulo 60 as Circus does.
     * Circus cuts the microseconds string to its first two digits, which misreads values under
     * 100 000 µs ({@code "0:00.0"} for 5 ms); we print hundredths, which is what was meant.
     */
    public static String ctime(long cpuTimeMillis) {
        long minutes = (cpuTimeMillis / 60_000) % 60;
        long seconds = (cpuTimeMillis / 1000) % 60;
        long hundredths = (cpuTimeMillis % 1000) / 10;
        return String.format(Locale.ROOT, "%d:%02d.%02d", minutes, seconds, hundredths);
    }

    /** Circus's {@code mem}: a percentage rounded to 3 decimals. */
    public static double percent3(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
