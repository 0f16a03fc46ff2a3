package io.circus.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circus.protocol.WireJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The streaming writer and tree reader the daemon uses give, value for value, what databind's
 * mapper gave with the same settings: the same bytes for every reply shape, the same node classes
 * for every request, and a refusal for the same malformed input. The mapper here is the reference.
 */
class WireJsonParityTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The mapper-based encoding the daemon used before: the mapper with Python's separators. */
    private static String viaMapper(Object value) throws JsonProcessingException {
        return WireJson.mapper().writer(new MinimalPrettyPrinter() {
            @Override
            public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
                g.writeRaw(": ");
            }

            @Override
            public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
                g.writeRaw(", ");
            }

            @Override
            public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
                g.writeRaw(", ");
            }
        }).writeValueAsString(value);
    }

    private enum Kind { ACTIVE, STOPPED }

    private record Pair(String name, double load) {
    }

    @Test
    void everyValueIsWrittenAsTheMapperWroteIt() throws Exception {
        ObjectNode tree = NODES.objectNode();
        tree.put("i", 7).put("l", 1L << 40).put("d", 0.1).put("f", 0.1f).put("big", new BigInteger("123456789012345678901234567890"))
                .put("dec", new BigDecimal("1.50")).put("nan", Double.NaN).put("inf", Double.NEGATIVE_INFINITY)
                .put("s", "caf\u00e9 \ud83d\ude00 \u0007\"\\/").put("t", true).put("short", (short) 3).putNull("n");
        tree.putArray("a").add(1).add(2.5e-7).add(1e22).addNull().addObject().put("k", "v");
        tree.set("missing", com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        tree.putPOJO("pojo", new Pair("p", 2.0));
        tree.put("bin", new byte[] {1, 2, 3});

        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", "ok");
        reply.put("time", 1795836817.1839178);
        reply.put("floats", List.of(0.1, 1e16, -0.0, 3.0, 1.5e-7, Double.NaN, Double.POSITIVE_INFINITY, 0.1f));
        reply.put("ints", Arrays.asList(0, -1, Integer.MAX_VALUE, Long.MIN_VALUE, BigInteger.TEN.pow(30), null));
        reply.put("decimal", new BigDecimal("1E+3"));
        reply.put("text", "tab\tnew\nline \u001f \u2028 \u00ff \ud800");
        reply.put("tree", tree);
        reply.put("set", new LinkedHashSet<>(List.of("b", "a")));
        reply.put("array", new Object[] {"x", 1, null, new String[] {"y"}});
        reply.put("empty", Map.of());
        reply.put("emptyList", List.of());
        reply.put("intKeys", new TreeMap<>(Map.of(2, "two", 1, "one")));
        reply.put("enum", Kind.ACTIVE);
        reply.put("record", new Pair("w", 0.5));
        reply.put("primitive", new double[] {0.1, 2});
        reply.put("longs", new long[] {1, 2});
        reply.put("ints[]", new int[] {3});
        reply.put("noLongs", new long[0]);
        reply.put("shortAndByte", List.of((short) 5, (byte) 6));
        reply.put("char", 'c');
        reply.put("unit", TimeUnit.SECONDS);
        reply.put("id", null);

        for (Object value : List.of(reply, tree, List.of(), Map.of(), "only text", 3, 2.5, true, NODES.nullNode(),
                NODES.textNode("\u00e9"), NODES.numberNode(1e300), NODES.arrayNode())) {
            assertEquals(viaMapper(value), WireJson.encodeToString(value), "for " + value);
        }
        assertEquals(viaMapper(null), WireJson.encodeToString(null));
    }

    @Test
    void aValueTheMapperRefusesIsRefusedAlike() {
        Map<String, Object> nullKey = new java.util.HashMap<>();
        nullKey.put(null, 1);
        assertThrows(JsonProcessingException.class, () -> viaMapper(nullKey));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WireJson.encode(nullKey));
        assertEquals(true, e.getMessage().startsWith("not representable as JSON: "), e.getMessage());
    }

    @Test
    void everyRequestIsReadIntoTheNodesTheMapperMade() throws Exception {
        List<String> inputs = List.of(
                "{\"command\": \"status\", \"properties\": {\"name\": \"sleepers\"}, \"id\": \"0f3c\"}",
                "{\"a\": 1, \"b\": 2147483648, \"c\": 123456789012345678901234567890, \"d\": -0.0, \"e\": 1e400,"
                        + " \"f\": 1.5E-7, \"g\": NaN, \"h\": -Infinity, \"i\": Infinity, \"j\": 0.1}",
                "{\"a\": 1, \"b\": [1, {\"x\": null}], \"a\": {\"again\": true}}",
                "[[[[[[[[[[[[[[[[[[[[\"deep\"]]]]]]]]]]]]]]]]]]]]",
                "{\"s\": \"caf\\u00e9 \\ud83d\\ude00 \\n \\\\ \\\"\", \"e\": \"\", \"t\": true, \"f\": false}",
                "\"only text\"", "42", "-9223372036854775809", "2.5", "null", "true", "[]", "{}",
                "  {\"spaced\" :  [ 1 , 2 ] }  ");
        for (String in : inputs) {
            JsonNode expected = WireJson.mapper().readTree(in);
            JsonNode actual = WireJson.parse(in);
            assertEquals(expected, actual, in);
            assertSameNodeClasses(expected, actual, in);
            assertEquals(viaMapper(expected), WireJson.encodeToString(actual), in);
            assertEquals(expected.toString(), WireJson.compact(actual), "toString of " + in);
        }
    }

    @Test
    void malformedInputIsRefusedAsTheMapperRefusedIt() {
        for (String in : List.of("{\"a\": 1} {", "{\"a\": 1} 2", "{'a': 1}", "{\"a\": 1,}", "{\"a\": }", "[1, 2",
                "{\"a\": [1, {\"b\": 2}", "{\"a\"", "nul", "01", "\"unterminated", "[1 2]", "{\"a\" 1}", "]")) {
            assertThrows(JsonProcessingException.class, () -> WireJson.mapper().readTree(in), "mapper: " + in);
            assertThrows(JsonProcessingException.class, () -> WireJson.parse(in), in);
        }
    }

    @Test
    void aValueIsReadFromTheMiddleOfAPayload() throws Exception {
        byte[] payload = "{\"id\": {\"n\": [1, 2.0]}, \"rest\": [".getBytes(StandardCharsets.UTF_8);
        try (com.fasterxml.jackson.core.JsonParser p = WireJson.parser(payload)) {
            p.nextToken();
            p.nextToken();
            p.nextToken();
            JsonNode id = WireJson.readTree(p);
            assertEquals(WireJson.mapper().readTree("{\"n\": [1, 2.0]}"), id);
            assertEquals("n", id.fieldNames().next());
        }
        try (com.fasterxml.jackson.core.JsonParser p = WireJson.parser("{\"id\": [1, ".getBytes(StandardCharsets.UTF_8))) {
            p.nextToken();
            p.nextToken();
            p.nextToken();
            assertThrows(IOException.class, () -> WireJson.readTree(p), "a value cut short is an error");
        }
    }

    private static void assertSameNodeClasses(JsonNode expected, JsonNode actual, String where) {
        assertEquals(expected.getClass(), actual.getClass(), where);
        List<String> names = new ArrayList<>();
        expected.fieldNames().forEachRemaining(names::add);
        List<String> actualNames = new ArrayList<>();
        actual.fieldNames().forEachRemaining(actualNames::add);
        assertEquals(names, actualNames, "key order in " + where);
        Iterator<JsonNode> a = actual.elements();
        for (JsonNode e : expected) {
            assertSameNodeClasses(e, a.next(), where);
        }
    }
}
