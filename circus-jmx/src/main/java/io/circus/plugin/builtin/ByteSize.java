package io.circus.plugin.builtin;

import java.util.Locale;

/**
 * Circus's {@code human2bytes}: a number followed by one of {@code B K M G T P E Z Y} (powers of
 * 1024), e.g. {@code 9K} = 9216, {@code 1.99G} = 2136746229. A bare number or two letters
 * ({@code 123KB}) is refused, as in Circus.
 */
public final class ByteSize {

    private static final String UNITS = "BKMGTPEZY";

    private ByteSize() {
    }

    /**
     * @throws IllegalArgumentException naming the text when it is not a size
     */
    public static long parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.length() < 2) {
            throw new IllegalArgumentException("'" + text + "' is not a size (a number and a unit of " + UNITS + ", e.g. 200M)");
        }
        int unit = UNITS.indexOf(Character.toUpperCase(s.charAt(s.length() - 1)));
        String number = s.substring(0, s.length() - 1);
        if (unit < 0 || !number.matches("[0-9]+(\\.[0-9]*)?|\\.[0-9]+")) {
            throw new IllegalArgumentException("'" + text + "' is not a size (a number and a unit of " + UNITS + ", e.g. 200M)");
        }
        return (long) (Double.parseDouble(number) * Math.pow(1024, unit));
    }

    /** For messages: {@code 209715200} → {@code 200M}-like text with two decimals. */
    static String describe(long bytes) {
        for (int i = UNITS.length() - 1; i > 0; i--) {
            double unit = Math.pow(1024, i);
            if (bytes >= unit) {
                return String.format(Locale.ROOT, "%.2f%c", bytes / unit, UNITS.charAt(i));
            }
        }
        return bytes + "B";
    }
}
