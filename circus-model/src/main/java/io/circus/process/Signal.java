package io.circus.process;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A POSIX signal with its Linux number. Parsed the way Circus's {@code to_signum} parses: a number,
 * or a name with or without {@code SIG}, in any case, with an optional {@code +N} offset
 * ({@code RTMIN+1}). Unknown names and out-of-range numbers are rejected with a message that names
 * the value.
 *
 * @param number the signal number (1..64)
 * @param name   the canonical name without the SIG prefix, e.g. {@code TERM} or {@code RTMIN+2}
 */
public record Signal(int number, String name) {

    public static final int MAX = 64;
    private static final int RTMIN = 34;
    private static final Map<String, Integer> NUMBERS = new LinkedHashMap<>();
    private static final Pattern NAME = Pattern.compile("(?i)(?:SIG)?([A-Z0-9]+)(?:\\+(\\d+))?");

    static {
        String[] names = {null, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1",
            "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN",
            "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"};
        for (int i = 1; i < names.length; i++) {
            NUMBERS.put(names[i], i);
        }
        NUMBERS.put("IOT", 6);
        NUMBERS.put("POLL", 29);
        NUMBERS.put("CLD", 17);
        NUMBERS.put("RTMIN", RTMIN);
        NUMBERS.put("RTMAX", MAX);
    }

    public static final Signal HUP = of(1);
    public static final Signal INT = of(2);
    public static final Signal QUIT = of(3);
    public static final Signal KILL = of(9);
    public static final Signal USR1 = of(10);
    public static final Signal USR2 = of(12);
    public static final Signal TERM = of(15);
    public static final Signal CONT = of(18);

    public Signal {
        if (number < 1 || number > MAX) {
            throw new IllegalArgumentException("signal number out of range 1.." + MAX + ": " + number);
        }
    }

    /** The signal with this number, named canonically. */
    public static Signal of(int number) {
        if (number < 1 || number > MAX) {
            throw new IllegalArgumentException("signal number out of range 1.." + MAX + ": " + number);
        }
        for (Map.Entry<String, Integer> e : NUMBERS.entrySet()) {
            if (e.getValue() == number && !e.getKey().equals("IOT") && !e.getKey().equals("POLL")
                    && !e.getKey().equals("CLD")) {
                return new Signal(number, e.getKey());
            }
        }
        return new Signal(number, number > RTMIN ? "RTMIN+" + (number - RTMIN) : Integer.toString(number));
    }

    /**
     * Parses {@code "TERM"}, {@code "sigterm"}, {@code "15"}, {@code "RTMIN+1"}.
     *
     * @throws IllegalArgumentException naming the value when it is not a signal
     */
    public static Signal parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty signal name");
        }
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return of(Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("signal number out of range 1.." + MAX + ": " + value);
            }
        }
        Matcher m = NAME.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown signal: '" + value + "'");
        }
        Integer base = NUMBERS.get(m.group(1).toUpperCase(Locale.ROOT));
        if (base == null) {
            throw new IllegalArgumentException("unknown signal: '" + value + "'");
        }
        int number = base + (m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
        if (number > MAX) {
            throw new IllegalArgumentException("signal out of range 1.." + MAX + ": '" + value + "'");
        }
        return m.group(2) == null ? of(number) : new Signal(number, m.group(1).toUpperCase(Locale.ROOT) + "+" + m.group(2));
    }

    /** Every standard signal name, for completion and help. */
    public static java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(NUMBERS.keySet());
    }

    /** {@code SIGTERM}. */
    public String fullName() {
        return "SIG" + name;
    }

    @Override
    public String toString() {
        return fullName() + "(" + number + ")";
    }
}
