package io.circus.protocol;

/**
 * Python's {@code repr} of the few value kinds that reach Circus's wire text: floats (every number
 * with a fraction in a reply, {@code time} first), strings ({@code unknown command: 'x'}) and bytes
 * (the request quoted in errno 5 reasons). Reproducing them keeps replies textually equal to
 * Circus's, which matters to clients that compare reasons or print times.
 */
public final class PythonRepr {

    private PythonRepr() {
    }

    /**
     * {@code float.__repr__} as {@code json.dumps} writes it: the shortest digits that read back to
     * the same double, in fixed notation when the decimal point sits between 10^-4 and 10^16 and in
     * exponent notation otherwise ({@code 1e-05}, {@code 1e+16}); always with a dot or an exponent.
     */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (1 / d) < 0 ? "-0.0" : "0.0";
        }
        // Java's Double.toString yields the shortest round-tripping digits (JDK 19+), as Python's
        // repr; only the layout differs ("1.7958368171839178E9"), so re-lay the digits out.
        String java = Double.toString(Math.abs(d));
        int e = java.indexOf('E');
        String mantissa = e < 0 ? java : java.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(java, e + 1, java.length(), 10);
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int point = dot + exponent;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        int end = digits.length();
        while (end > lead + 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        point -= lead;
        digits = digits.substring(lead, end);
        StringBuilder out = new StringBuilder(24);
        if (d < 0) {
            out.append('-');
        }
        if (point <= -4 || point > 16) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int exp = point - 1;
            out.append('e').append(exp < 0 ? '-' : '+');
            int abs = Math.abs(exp);
            if (abs < 10) {
                out.append('0');
            }
            out.append(abs);
        } else if (point <= 0) {
            out.append("0.").append("0".repeat(-point)).append(digits);
        } else if (point >= digits.length()) {
            out.append(digits).append("0".repeat(point - digits.length())).append(".0");
        } else {
            out.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
        return out.toString();
    }

    /** {@code str.__repr__}: single quotes unless the text holds a single quote and no double one. */
    public static String strRepr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (cp == quote) {
                        out.append('\\').append((char) cp);
                    } else if (cp < 0x20 || cp == 0x7f) {
                        out.append(String.format("\\x%02x", cp));
                    } else {
                        // Python keeps printable non-ASCII as is; the JSON encoder escapes it later.
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.append(quote).toString();
    }

    /**
     * {@code bytes.__repr__}: {@code b'...'} with printable ASCII as is and the rest as {@code \xNN}.
     * At most {@code limit} bytes are shown; a longer value ends with {@code ...} after the quote,
     * because a reason that quotes a megabyte request helps nobody.
     */
    public static String bytesRepr(byte[] b, int limit) {
        boolean single = false;
        boolean dbl = false;
        for (byte x : b) {
            single |= x == '\'';
            dbl |= x == '"';
        }
        char quote = single && !dbl ? '"' : '\'';
        int n = Math.min(b.length, limit);
        StringBuilder out = new StringBuilder(n + 8).append('b').append(quote);
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\').append((char) c);
                    } else if (c < 0x20 || c >= 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        }
        out.append(quote);
        if (b.length > n) {
            out.append("...");
        }
        return out.toString();
    }
}
