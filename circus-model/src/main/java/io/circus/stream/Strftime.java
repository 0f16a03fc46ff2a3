package io.circus.stream;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Python {@code strftime} pattern (as written in Circus configs) translated to java.time, with the
 * C locale's names. Supports {@code %a %A %b %B %c %C %d %D %e %f %F %G %h %H %I %j %k %l %m %M %n
 * %p %P %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%} and glibc's {@code -} flag (no padding,
 * e.g. {@code %-d}). Unknown directives are rejected when parsing rather than copied through, so a typo
 * stops the daemon instead of ending up in every log line.
 *
 * <p>Threading: immutable, safe from any thread.
 */
public final class Strftime {

    // Python's %Z gives the abbreviation in effect (CET or CEST), which "z" does; a ZoneId's own
    // display name would not follow daylight saving.
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("z", Locale.US);

    @FunctionalInterface
    private interface Part {
        void append(StringBuilder out, ZonedDateTime t);
    }

    private final String pattern;
    private final List<Part> parts;
    private final boolean subSecond;

    private Strftime(String pattern, List<Part> parts, boolean subSecond) {
        this.pattern = pattern;
        this.parts = List.copyOf(parts);
        this.subSecond = subSecond;
    }

    /**
     * @throws IllegalArgumentException naming the bad directive
     */
    public static Strftime parse(String pattern) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean subSecond = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%') {
                literal.append(c);
                continue;
            }
            boolean pad = true;
            if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '-') {
                pad = false;
                i++;
            }
            if (i + 1 >= pattern.length()) {
                throw new IllegalArgumentException("incomplete directive at the end of \"" + pattern + "\"");
            }
            char d = pattern.charAt(++i);
            if (d == '%' || d == 'n' || d == 't') {
                literal.append(d == '%' ? '%' : d == 'n' ? '\n' : '\t');
                continue;
            }
            if (!literal.isEmpty()) {
                String text = literal.toString();
                parts.add((out, t) -> out.append(text));
                literal.setLength(0);
            }
            parts.add(directive(d, pad, pattern));
            subSecond |= d == 'f';
        }
        if (!literal.isEmpty()) {
            String text = literal.toString();
            parts.add((out, t) -> out.append(text));
        }
        return new Strftime(pattern, parts, subSecond);
    }

    private static Part directive(char d, boolean pad, String pattern) {
        return switch (d) {
            case 'a' -> (o, t) -> o.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US));
            case 'A' -> (o, t) -> o.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
            case 'b', 'h' -> (o, t) -> o.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US));
            case 'B' -> (o, t) -> o.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.US));
            case 'c' -> compound("%a %b %e %H:%M:%S %Y");
            case 'C' -> number(t -> t.getYear() / 100, 2, '0', pad);
            case 'd' -> number(ZonedDateTime::getDayOfMonth, 2, '0', pad);
            case 'D', 'x' -> compound("%m/%d/%y");
            case 'e' -> number(ZonedDateTime::getDayOfMonth, 2, ' ', pad);
            case 'f' -> number(t -> t.getNano() / 1000, 6, '0', true);
            case 'F' -> compound("%Y-%m-%d");
            case 'G' -> number(t -> t.get(IsoFields.WEEK_BASED_YEAR), 4, '0', pad);
            case 'H' -> number(ZonedDateTime::getHour, 2, '0', pad);
            case 'I' -> number(t -> (t.getHour() + 11) % 12 + 1, 2, '0', pad);
            case 'j' -> number(ZonedDateTime::getDayOfYear, 3, '0', pad);
            case 'k' -> number(ZonedDateTime::getHour, 2, ' ', pad);
            case 'l' -> number(t -> (t.getHour() + 11) % 12 + 1, 2, ' ', pad);
            case 'm' -> number(ZonedDateTime::getMonthValue, 2, '0', pad);
            case 'M' -> number(ZonedDateTime::getMinute, 2, '0', pad);
            case 'p' -> (o, t) -> o.append(t.getHour() < 12 ? "AM" : "PM");
            case 'P' -> (o, t) -> o.append(t.getHour() < 12 ? "am" : "pm");
            case 'R' -> compound("%H:%M");
            case 's' -> (o, t) -> o.append(t.toEpochSecond());
            case 'S' -> number(ZonedDateTime::getSecond, 2, '0', pad);
            case 'T', 'X' -> compound("%H:%M:%S");
            case 'u' -> number(t -> t.getDayOfWeek().getValue(), 1, '0', pad);
            case 'U' -> number(t -> (t.getDayOfYear() - 1 + 7 - sundayBased(t.getDayOfWeek())) / 7, 2, '0', pad);
            case 'V' -> number(t -> t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, '0', pad);
            case 'w' -> number(t -> sundayBased(t.getDayOfWeek()), 1, '0', pad);
            case 'W' -> number(t -> (t.getDayOfYear() - 1 + 7 - (t.getDayOfWeek().getValue() - 1)) / 7, 2, '0', pad);
            case 'y' -> number(t -> t.getYear() % 100, 2, '0', pad);
            case 'Y' -> number(ZonedDateTime::getYear, 4, '0', pad);
            case 'z' -> (o, t) -> offset(o, t.getOffset().getTotalSeconds());
            case 'Z' -> (o, t) -> o.append(ZONE_NAME.format(t));
            default -> throw new IllegalArgumentException("unknown directive %" + d + " in \"" + pattern + "\"");
        };
    }

    private static int sundayBased(DayOfWeek day) {
        return day.getValue() % 7;
    }

    private static Part compound(String pattern) {
        Strftime inner = parse(pattern);
        return (o, t) -> inner.appendTo(o, t);
    }

    private static Part number(java.util.function.ToIntFunction<ZonedDateTime> field, int width, char padChar,
                               boolean pad) {
        return (o, t) -> {
            String digits = Integer.toString(field.applyAsInt(t));
            if (pad) {
                o.repeat(padChar, Math.max(0, width - digits.length()));
            }
            o.append(digits);
        };
    }

    private static void offset(StringBuilder o, int seconds) {
        o.append(seconds < 0 ? '-' : '+');
        int abs = Math.abs(seconds);
        o.append(String.format(Locale.ROOT, "%02d%02d", abs / 3600, abs / 60 % 60));
    }

    /** Appends {@code t} formatted with this pattern. */
    public void appendTo(StringBuilder out, ZonedDateTime t) {
        for (Part part : parts) {
            part.append(out, t);
        }
    }

    public String format(ZonedDateTime t) {
        StringBuilder out = new StringBuilder(32);
        appendTo(out, t);
        return out.toString();
    }

    /** Whether the output changes within a second ({@code %f}); if not, callers may cache per second. */
    public boolean subSecond() {
        return subSecond;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
