package io.circus.plugin.builtin;

/**
 * A memory bound of the resource watcher: a percentage of the machine's memory (a plain number, as
 * in Circus) or an absolute resident size ({@code 200M}).
 *
 * @param value    the percentage, or the size in bytes
 * @param absolute whether {@code value} is bytes rather than a percentage
 */
public record Limit(double value, boolean absolute) {

    /**
     * Reads a bound the way Circus does: a number is a percentage, anything else a size.
     *
     * @param option the option's name, for the message
     * @throws IllegalArgumentException naming the option when the text is neither
     */
    public static Limit parse(String option, String text) {
        String s = text.strip();
        try {
            return new Limit(Double.parseDouble(s), false);
        } catch (NumberFormatException notANumber) {
            try {
                return new Limit(ByteSize.parse(s), true);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + " = '" + text
                        + "' is neither a percentage (e.g. 90) nor a size (e.g. 200M)");
            }
        }
    }

    /** Whether a process with these figures is under the bound. */
    boolean below(double memPercent, long rssBytes) {
        return absolute ? rssBytes < value : memPercent < value;
    }

    /** Whether a process with these figures is over the bound. */
    boolean above(double memPercent, long rssBytes) {
        return absolute ? rssBytes > value : memPercent > value;
    }

    @Override
    public String toString() {
        return absolute ? ByteSize.describe((long) value) : value + "%";
    }
}
