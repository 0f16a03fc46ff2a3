package io.circus.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.protocol.PythonRepr;
import io.circus.protocol.WireJson;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wire text is Python's json.dumps: checked against what CPython prints for the same values. */
class WireJsonTest {

    @Test
    void floatsAreWrittenAsPythonRepr() {
        // Expected values are CPython 3.11's repr() of the same doubles.
        assertEquals("1795836817.1839178", PythonRepr.floatRepr(1795836817.1839178));
        assertEquals("3.0", PythonRepr.floatRepr(3.0));
        assertEquals("0.006", PythonRepr.floatRepr(0.006));
        assertEquals("0.0001", PythonRepr.floatRepr(0.0001));
        assertEquals("1e-05", PythonRepr.floatRepr(0.00001));
        assertEquals("1.5e-07", PythonRepr.floatRepr(1.5e-7));
        assertEquals("1000000000000000.0", PythonRepr.floatRepr(1e15));
        assertEquals("1e+16", PythonRepr.floatRepr(1e16));
        assertEquals("1.2345e+20", PythonRepr.floatRepr(1.2345e20));
        assertEquals("-2.5", PythonRepr.floatRepr(-2.5));
        assertEquals("0.0", PythonRepr.floatRepr(0.0));
        assertEquals("-0.0", PythonRepr.floatRepr(-0.0));
        assertEquals("0.1", PythonRepr.floatRepr(0.1));
        assertEquals("NaN", PythonRepr.floatRepr(Double.NaN));
        assertEquals("-Infinity", PythonRepr.floatRepr(Double.NEGATIVE_INFINITY));
    }

    @Test
    void stringsAndBytesAreQuotedAsPythonRepr() {
        assertEquals("'nope'", PythonRepr.strRepr("nope"));
        assertEquals("\"it's\"", PythonRepr.strRepr("it's"));
        assertEquals("'a\\'b\"c'", PythonRepr.strRepr("a'b\"c"));
        assertEquals("'tab\\there\\n'", PythonRepr.strRepr("tab\there\n"));
        assertEquals("b'{\"id\":\"f4\"}'", PythonRepr.bytesRepr("{\"id\":\"f4\"}".getBytes(StandardCharsets.UTF_8), 100));
        assertEquals("b'\\xff\\x00a'", PythonRepr.bytesRepr(new byte[] {(byte) 0xff, 0, 'a'}, 100));
        assertEquals("b\"'\"", PythonRepr.bytesRepr(new byte[] {'\''}, 100));
        assertEquals("b'abc'...", PythonRepr.bytesRepr("abcdef".getBytes(StandardCharsets.US_ASCII), 3));
    }

    @Test
    void encodingUsesPythonSeparatorsAndEscapesNonAscii() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.put("time", 1795836817.1839178);
        m.put("watchers", List.of("other", "sl\u00e9eper", "\ud83d\ude00"));
        m.put("n", 3);
        m.put("nested", Map.of("k", Arrays.asList(1.0, null, true)));
        m.put("ctl", "a\u001fb\tc");
        m.put("id", null);
        // json.dumps of the same dict in CPython:
        assertEquals("{\"status\": \"ok\", \"time\": 1795836817.1839178, \"watchers\": [\"other\", \"sl\\u00e9eper\", "
                        + "\"\\ud83d\\ude00\"], \"n\": 3, \"nested\": {\"k\": [1.0, null, true]}, \"ctl\": \"a\\u001fb\\tc\", "
                        + "\"id\": null}",
                WireJson.encodeToString(m));
        assertEquals("{}", WireJson.encodeToString(Map.of()));
        assertEquals("[]", WireJson.encodeToString(List.of()));
    }

    @Test
    void decodingIsStrictUtf8AndStrictJson() throws Exception {
        assertThrows(CharacterCodingException.class, () -> WireJson.utf8(new byte[] {'{', (byte) 0xff, '}'}));
        assertEquals("\u00e9", WireJson.utf8("\u00e9".getBytes(StandardCharsets.UTF_8)));
        assertTrue(WireJson.parse("{\"a\": NaN}").get("a").isNumber(), "json.loads accepts NaN");
        assertThrows(Exception.class, () -> WireJson.parse("{\"a\": 1} {"), "trailing data, as json.loads");
        assertThrows(Exception.class, () -> WireJson.parse("{'a': 1}"));
        assertThrows(Exception.class, () -> WireJson.parse("{\"a\": 1,}"));
        assertEquals(2, WireJson.parse("{\"a\": 1, \"a\": 2}").get("a").asInt(), "the last duplicate wins, as json.loads");
    }
}
