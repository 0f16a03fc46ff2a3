package io.circus.console.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders JSON values the way circusctl's Python does, because its output is made of
 * {@code "%s" % value} and {@code json.dumps}: {@code str()} of a decoded reply value
 * ({@code True}, {@code None}, {@code 2.0}, {@code {'a': 1}}), and {@code json.dumps} with Python's
 * separators and {@code ensure_ascii}. Floats follow Python's {@code repr}: shortest round-trip digits,
 * exponent form only below 1e-4 or from 1e16.
 *
 * <p>Stateless; safe from any thread.
 */
public final class PythonText {

    private PythonText() {
    }

    /** Python's {@code str(value)}: strings bare, everything else as {@link #repr}. */
    public static String str(JsonNode v) {
        return v != null && v.isTextual() ? v.textValue() : repr(v);
    }

    /** Python's {@code repr(value)} of the decoded JSON value. */
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
            sb.append(floatRepr(v.doubleValue()));
        } else if (v.isTextual()) {
            stringRepr(v.textValue(), sb);
        } else if (v.isArray()) {
            sb.append('[');
            join(v.elements(), sb);
            sb.append(']');
        } else {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                stringRepr(e.getKey(), sb);
                sb.append(": ");
                repr(e.getValue(), sb);
            }
            sb.append('}');
        }
    }

    private static void join(Iterator<JsonNode> it, StringBuilder sb) {
        boolean first = true;
        while (it.hasNext()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            repr(it.next(), sb);
        }
    }

    /** Python's str repr: single quotes unless the text holds a single quote and no double one. */
    static void stringRepr(String s, StringBuilder sb) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        sb.append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == quote) {
                        sb.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append(quote);
    }

    /** Python's {@code repr(float)}. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        // Double.toString gives the shortest round-trip digits (JDK 19+); only the layout differs.
        BigDecimal bd = new BigDecimal(Double.toString(d));
        String digits = bd.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - bd.scale();
        String sign = d < 0 ? "-" : "";
        String trimmed = digits.replaceAll("0+$", "");
        if (trimmed.isEmpty()) {
            trimmed = "0";
        }
        if (exp < -4 || exp >= 16) {
            String mant = trimmed.length() == 1 ? trimmed : trimmed.charAt(0) + "." + trimmed.substring(1);
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        String plain = bd.abs().stripTrailingZeros().toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    /** {@code json.dumps(v)}: separators {@code ", "} and {@code ": "}, non-ASCII escaped. */
    public static String json(JsonNode v) {
        StringBuilder sb = new StringBuilder();
        json(v, sb, -1, 0, false);
        return sb.toString();
    }

    /** {@code json.dumps(v, indent=2, sort_keys=True)} (circusctl's {@code --prettify}). */
    public static String prettyJson(JsonNode v) {
        StringBuilder sb = new StringBuilder();
        json(v, sb, 2, 0, true);
        return sb.toString();
    }

    private static void json(JsonNode v, StringBuilder sb, int indent, int depth, boolean sort) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            sb.append("null");
        } else if (v.isBoolean()) {
            sb.append(v.booleanValue());
        } else if (v.isIntegralNumber()) {
            sb.append(v.bigIntegerValue());
        } else if (v.isNumber()) {
            double d = v.doubleValue();
            sb.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : floatRepr(d));
        } else if (v.isTextual()) {
            jsonString(v.textValue(), sb);
        } else if (v.isArray()) {
            if (v.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            int i = 0;
            for (JsonNode e : v) {
                separator(sb, i++ > 0, indent, depth + 1);
                json(e, sb, indent, depth + 1, sort);
            }
            newline(sb, indent, depth);
            sb.append(']');
        } else {
            if (v.isEmpty()) {
                sb.append("{}");
                return;
            }
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(v.properties());
            if (sort) {
                entries.sort(Map.Entry.comparingByKey());
            }
            sb.append('{');
            int i = 0;
            for (Map.Entry<String, JsonNode> e : entries) {
                separator(sb, i++ > 0, indent, depth + 1);
                jsonString(e.getKey(), sb);
                sb.append(": ");
                json(e.getValue(), sb, indent, depth + 1, sort);
            }
            newline(sb, indent, depth);
            sb.append('}');
        }
    }

    private static void separator(StringBuilder sb, boolean comma, int indent, int depth) {
        if (comma) {
            sb.append(indent < 0 ? ", " : ",");
        }
        newline(sb, indent, depth);
    }

    private static void newline(StringBuilder sb, int indent, int depth) {
        if (indent >= 0) {
            sb.append('\n').append(" ".repeat(indent * depth));
        }
    }

    private static void jsonString(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
