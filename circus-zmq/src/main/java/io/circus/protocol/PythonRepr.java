package io.circus.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Python's {@code repr}, {@code str} and {@code bool} of the value kinds that reach Circus's text:
 * floats (every number with a fraction in a reply, {@code time} first), strings ({@code unknown
 * command: 'x'}), bytes (the request quoted in errno 5 reasons) and whole decoded JSON values (what
 * circusctl prints). Reproducing them keeps replies and console output textually equal to Circus's,
 * which matters to clients that compare reasons or print times.
 *
 * <p>Stateless; safe from any thread.
 */
public final class PythonRepr {

    private PythonRepr() {
    }

    /** Python's {@code bool()} of a decoded JSON value, as Circus reads {@code waiting} and other flags. */
    public static boolean truthy(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.doubleValue() != 0;
        }
        if (v.isTextual()) {
            return !v.textValue().isEmpty();
        }
        return !v.isEmpty();
    }

    /** Python's {@code str(value)} of a decoded JSON value: strings bare, everything else as {@link #repr}. */
    public static String str(JsonNode v) {
        return v != null && v.isTextual() ? v.textValue() : repr(v);
    }

    /**
     * Python's {@code repr(value)} of a decoded JSON value ({@code True}, {@code None}, {@code 2.0},
     * {@code {'a': 1}}), what circusctl prints with {@code "%s" % value}.
     */
    public static String repr(JsonNode v) {
        StringBuilder sb = new StringBuilder();
        repr(v, sb);
        return sb.toString();
    }

    private static void repr(JsonNode v, StringBuilder sb) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            sb.append("None");
        } else if (v.isBoolean()) {
            sb.append(v.booleanValue() ? "True" : "False");
        } else if (v.isIntegralNumber()) {
            sb.append(v.bigIntegerValue());
        } else if (v.isNumber()) {
            double d = v.doubleValue();
            // repr(float) spells the non-finite values as Python literals, json.dumps as JavaScript ones.
            sb.append(Double.isNaN(d) ? "nan" : Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : floatRepr(d));
        } else if (v.isTextual()) {
            sb.append(strRepr(v.textValue()));
        } else if (v.isArray()) {
            sb.append('[');
            String sep = "";
            for (JsonNode e : v) {
                sb.append(sep);
                sep = ", ";
                repr(e, sb);
            }
            sb.append(']');
        } else {
            sb.append('{');
            String sep = "";
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                sb.append(sep).append(strRepr(e.getKey())).append(": ");
                sep = ", ";
                repr(e.getValue(), sb);
            }
            sb.append('}');
        }
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
