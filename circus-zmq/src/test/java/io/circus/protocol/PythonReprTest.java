package io.circus.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PythonReprTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void floatsReadAsPythonRepr() {
        assertEquals("0.0", PythonRepr.floatRepr(0.0));
        assertEquals("2.0", PythonRepr.floatRepr(2.0));
        assertEquals("0.006", PythonRepr.floatRepr(0.006));
        assertEquals("1795836817.1839178", PythonRepr.floatRepr(1795836817.1839178));
        assertEquals("1e-05", PythonRepr.floatRepr(0.00001));
        assertEquals("0.0001", PythonRepr.floatRepr(0.0001));
        assertEquals("1e+16", PythonRepr.floatRepr(1e16));
        assertEquals("1234567890123456.0", PythonRepr.floatRepr(1234567890123456.0));
        assertEquals("-3.5", PythonRepr.floatRepr(-3.5));
    }

    @Test
    void valuesReadAsPythonStr() throws Exception {
        assertEquals("True", PythonRepr.str(JSON.readTree("true")));
        assertEquals("None", PythonRepr.str(JSON.readTree("null")));
        assertEquals("sleep", PythonRepr.str(JSON.readTree("\"sleep\"")));
        assertEquals("{'filename': '/tmp/x.log', 'n': 3}", PythonRepr.str(JSON.readTree("{\"filename\":\"/tmp/x.log\",\"n\":3}")));
        assertEquals("['a', \"it's\", None, 1.5]", PythonRepr.str(JSON.readTree("[\"a\",\"it's\",null,1.5]")));
    }

    @Test
    void jsonAsPythonDumpsIt() throws Exception {
        var v = JSON.readTree("{\"status\":\"ok\",\"time\":1795836817.1839178,\"watchers\":[\"other\",\"sleeper\"],\"n\":{},\"u\":\"é\"}");
        assertEquals("{\"status\": \"ok\", \"time\": 1795836817.1839178, \"watchers\": [\"other\", \"sleeper\"], \"n\": {}, \"u\": \"\\u00e9\"}",
                PythonJson.json(v));
        assertEquals("""
                {
                  "n": {},
                  "status": "ok",
                  "time": 1795836817.1839178,
                  "u": "\\u00e9",
                  "watchers": [
                    "other",
                    "sleeper"
                  ]
                }""", PythonJson.prettyJson(v));
    }
}
