package io.circus.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes the values replies, events and stats are made of straight to a generator, making the
 * same generator calls databind's serializers make for them, so the text is byte-for-byte what the
 * mapper wrote: maps with text keys, collections, object arrays, text, booleans, null, integral
 * numbers, big decimals, Jackson trees, long, int and double arrays, and doubles and floats as Python's {@code repr} (the
 * mapper's float module). Any other value (another number class, a map with non-text keys, a
 * record, an enum, a binary node) is handed to the mapper on the same generator.
 *
 * <p>Threading: stateless; any thread.
 */
final class ValueWriter {

    private ValueWriter() {
    }

    static void write(JsonGenerator g, Object value) throws IOException {
        switch (value) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Boolean b -> g.writeBoolean(b);
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case Double d -> g.writeNumber(PythonRepr.floatRepr(d));
            case Float f -> g.writeNumber(PythonRepr.floatRepr(f.doubleValue()));
            case BigInteger i -> g.writeNumber(i);
            case BigDecimal d -> g.writeNumber(d);
            case JsonNode n -> writeNode(g, n);
            case Map<?, ?> m when textKeys(m) -> writeMap(g, m);
            case Collection<?> c -> {
                g.writeStartArray(c, c.size());
                for (Object o : c) {
                    write(g, o);
                }
                g.writeEndArray();
            }
            case Object[] a -> {
                g.writeStartArray(a, a.length);
                for (Object o : a) {
                    write(g, o);
                }
                g.writeEndArray();
            }
            // As databind's primitive array serializers: the generator's own writeArray, so a
            // double[] keeps Java's number form.
            case long[] a -> g.writeArray(a, 0, a.length);
            case int[] a -> g.writeArray(a, 0, a.length);
            case double[] a -> g.writeArray(a, 0, a.length);
            default -> WireJson.writeWithMapper(g, value);
        }
    }

    private static boolean textKeys(Map<?, ?> m) {
        for (Object k : m.keySet()) {
            if (!(k instanceof String)) {
                return false;
            }
        }
        return true;
    }

    private static void writeMap(JsonGenerator g, Map<?, ?> m) throws IOException {
        g.writeStartObject(m);
        for (Map.Entry<?, ?> e : m.entrySet()) {
            g.writeFieldName((String) e.getKey());
            write(g, e.getValue());
        }
        g.writeEndObject();
    }

    /** As the nodes' own {@code serialize}: their numbers in Java's form, as the mapper wrote them. */
    private static void writeNode(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject(n);
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    g.writeFieldName(e.getKey());
                    writeNode(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray(n, n.size());
                for (JsonNode element : n) {
                    writeNode(g, element);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.textValue());
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NULL, MISSING -> g.writeNull();
            case NUMBER -> {
                switch (n.numberType()) {
                    case INT -> g.writeNumber(n.intValue());
                    case LONG -> g.writeNumber(n.longValue());
                    case BIG_INTEGER -> g.writeNumber(n.bigIntegerValue());
                    case DOUBLE -> g.writeNumber(n.doubleValue());
                    case FLOAT -> g.writeNumber(n.floatValue());
                    case BIG_DECIMAL -> g.writeNumber(n.decimalValue());
                    default -> WireJson.writeWithMapper(g, n);
                }
            }
            default -> WireJson.writeWithMapper(g, n);
        }
    }
}
