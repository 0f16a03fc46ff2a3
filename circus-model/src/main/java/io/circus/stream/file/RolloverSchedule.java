package io.circus.stream.file;

import io.circus.stream.StreamOptions;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * When a {@link TimedRotatingFileStream} rolls over, and the suffix its backups get: Circus's port of
 * Python's {@code TimedRotatingFileHandler}, computed with java.time in the rotation zone, so daylight
 * saving needs no hour fix-ups.
 *
 * <p>{@code S}, {@code M}, {@code H}, {@code D}: every {@code interval} units counted from the file's
 * mtime (or the first open). {@code MIDNIGHT}: at midnight, every {@code interval} days.
 * {@code W0}..{@code W6}: at the midnight starting that weekday (0 = Monday), every {@code interval}
 * weeks.
 *
 * <p>Threading: immutable.
 */
final class RolloverSchedule {

    private enum Unit {
        S(1, "uuuuMMddHHmmss"), M(60, "uuuuMMddHHmm"), H(3600, "uuuuMMddHH"), D(86_400, "uuuuMMdd"),
        MIDNIGHT(86_400, "uuuuMMdd"), WEEK(7 * 86_400, "uuuuMMdd");

        final long seconds;
        final String suffixPattern;

        Unit(long seconds, String suffixPattern) {
            this.seconds = seconds;
            this.suffixPattern = suffixPattern;
        }
    }

    private final Unit unit;
    private final int interval;
    private final DayOfWeek weekday;
    private final ZoneId zone;
    private final DateTimeFormatter suffix;
    private final int suffixLength;

    private RolloverSchedule(Unit unit, int interval, DayOfWeek weekday, ZoneId zone) {
        this.unit = unit;
        this.interval = interval;
        this.weekday = weekday;
        this.zone = zone;
        this.suffix = DateTimeFormatter.ofPattern(unit.suffixPattern, Locale.ROOT).withZone(zone);
        this.suffixLength = unit.suffixPattern.length();
    }

    /** Reads {@code rotate_when} (required, any case) and {@code rotate_interval} (default 1). */
    static RolloverSchedule fromOptions(StreamOptions options, ZoneId zone) {
        String when = options.required("rotate_when");
        int interval = (int) options.integer("rotate_interval", 1, 1);
        String upper = when.toUpperCase(Locale.ROOT);
        if (upper.length() == 2 && upper.charAt(0) == 'W' && upper.charAt(1) >= '0' && upper.charAt(1) <= '6') {
            return new RolloverSchedule(Unit.WEEK, interval, DayOfWeek.of(upper.charAt(1) - '0' + 1), zone);
        }
        for (Unit unit : Unit.values()) {
            if (unit != Unit.WEEK && unit.name().equals(upper)) {
                return new RolloverSchedule(unit, interval, null, zone);
            }
        }
        throw StreamOptions.invalid("rotate_when", when, "expected S, M, H, D, MIDNIGHT or W0-W6");
    }

    /** The first rollover strictly after {@code from}. */
    Instant next(Instant from) {
        ZonedDateTime local = from.atZone(zone);
        return switch (unit) {
            case MIDNIGHT -> local.toLocalDate().plusDays(interval).atStartOfDay(zone).toInstant();
            case WEEK -> local.toLocalDate().plusDays(1).with(TemporalAdjusters.nextOrSame(weekday))
                    .plusWeeks(interval - 1L).atStartOfDay(zone).toInstant();
            default -> from.truncatedTo(ChronoUnit.SECONDS).plusSeconds(unit.seconds * interval);
        };
    }

    /** The start of the period that ends at {@code rolloverAt}: the time its backup is named after. */
    Instant periodStart(Instant rolloverAt) {
        return switch (unit) {
            case MIDNIGHT -> rolloverAt.atZone(zone).minusDays(interval).toInstant();
            case WEEK -> rolloverAt.atZone(zone).minusWeeks(interval).toInstant();
            default -> rolloverAt.minusSeconds(unit.seconds * interval);
        };
    }

    String suffix(Instant periodStart) {
        return suffix.format(periodStart);
    }

    /** Whether {@code text} looks like a suffix of this schedule (so the file is one of our backups). */
    boolean isSuffix(String text) {
        return text.length() == suffixLength && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
