package io.circus.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as Circus puts it on the wire. Encoding follows Python's {@code json.dumps} defaults, so a
 * reply is byte-for-byte what circusd would send for the same values: {@code ", "} and
 * {@code ": "} separators, every non-ASCII character escaped ({@code ensure_ascii}, lower-case hex,
 * surrogate pairs), floats as Python's {@code repr}. Decoding follows {@code json.loads} on the
 * UTF-8-decoded text: strict UTF-8, {@code NaN}/{@code Infinity} accepted, nothing after the value.
 *
 * <p>Threading: stateless; every method may be called from any thread.
 */
public final class WireJson {

    private static final ObjectMapper MAPPER = build();
    private static final ObjectWriter PYTHON_STYLE = MAPPER.writer(new PythonSeparators());

    private WireJson() {
    }

    /** The shared mapper (compact output), for callers that build or read trees. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Python-style JSON of Java values: maps (insertion order kept), lists, arrays, strings, numbers,
     * booleans, null, and Jackson trees.
     */
    public static byte[] encode(Object value) {
        try {
            return PYTHON_STYLE.writeValueAsString(value).getBytes(StandardCharsets.US_ASCII);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not representable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The same, as text. */
    public static String encodeToString(Object value) {
        return new String(encode(value), StandardCharsets.US_ASCII);
    }

    /**
     * Strict UTF-8 decoding, as Python's {@code bytes.decode("utf8")}.
     *
     * @throws CharacterCodingException on an invalid sequence
     */
    public static String utf8(byte[] payload) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(payload)).toString();
    }

    /**
     * Parses one JSON value that must fill the whole text.
     *
     * @throws JsonProcessingException when it is not JSON, or has trailing content
     */
    public static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    /**
     * A tree as plain Java values (LinkedHashMap, ArrayList, String, Long/BigInteger, Double,
     * Boolean, null), so that {@link #encode} writes its numbers the Python way.
     */
    public static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), toJava(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(n -> list.add(toJava(n)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.toString();
    }

    private static ObjectMapper build() {
        JsonFactory factory = new JsonFactoryBuilder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .characterEscapes(new AsciiOnly())
                .build();
        SimpleModule floats = new SimpleModule("python-floats");
        floats.addSerializer(Double.class, new FloatSerializer());
        floats.addSerializer(double.class, new FloatSerializer());
        floats.addSerializer(Float.class, new FloatSerializer());
        floats.addSerializer(float.class, new FloatSerializer());
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .addModule(floats)
                .build();
    }

    /** Python's float repr for every double and float. */
    private static final class FloatSerializer extends JsonSerializer<Number> {
        @Override
        public void serialize(Number value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(PythonRepr.floatRepr(value.doubleValue()));
        }
    }

    /** {@code ensure_ascii=True}: non-ASCII UTF-16 units as {@code \\uxxxx} in lower-case hex, as Python. */
    private static final class AsciiOnly extends CharacterEscapes {
        private static final int[] ASCII = ascii();

        private static int[] ascii() {
            int[] codes = CharacterEscapes.standardAsciiEscapesForJSON();
            for (int c = 0; c < 0x20; c++) {
                if (codes[c] == CharacterEscapes.ESCAPE_STANDARD && "\b\f\n\r\t".indexOf(c) < 0) {
                    codes[c] = CharacterEscapes.ESCAPE_CUSTOM;
                }
            }
            return codes;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return new SerializedString(String.format("\\u%04x", ch));
        }
    }

    /** Python's default separators: {@code ", "} between items, {@code ": "} after keys. */
    private static final class PythonSeparators extends MinimalPrettyPrinter {
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
    }
}
