package io.circus.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code json.dumps} of a decoded JSON value as text to print, as circusctl prints a reply or an
 * event: Python's separators, {@code ensure_ascii}, floats as Python's {@code repr}. The wire
 * encoding of replies is {@link WireJson}'s; this one works on trees already decoded, and adds
 * circusctl's {@code --prettify} layout.
 *
 * <p>Stateless; safe from any thread.
 */
public final class PythonJson {

    private PythonJson() {
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
            sb.append(PythonRepr.floatRepr(d)); // NaN and Infinity as json.dumps writes them
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
