package io.circus.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
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
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.StringWriter;
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
 * <p>The daemon's paths (requests, replies, events, stats) use jackson-core's streaming parser and
 * generator with Jackson trees ({@link TreeReader}, {@link ValueWriter}), never an
 * {@link ObjectMapper}: databind's mapper is about 330 classes of resident metaspace and compiled
 * code. The mapper of {@link #mapper()} is built on first use, for clients, and for a value of a
 * type the writer does not know (so such a value is written exactly as before).
 *
 * <p>Threading: stateless; every method may be called from any thread.
 */
public final class WireJson {

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .characterEscapes(new AsciiOnly())
            .build();
    private static final MinimalPrettyPrinter PYTHON_SEPARATORS = new PythonSeparators();
    /** Jackson's defaults, as {@code JsonNode.toString()} writes: compact, non-ASCII text as is. */
    private static final JsonFactory PLAIN = new JsonFactory();

    private WireJson() {
    }

    /**
     * The shared mapper (compact output), for callers that build or read trees: clients and
     * circusctl. Built on first use; the daemon's own paths do not need it.
     */
    public static ObjectMapper mapper() {
        return MapperHolder.MAPPER;
    }

    /** A parser over a payload, with the wire's reading rules (NaN and Infinity accepted). */
    public static JsonParser parser(byte[] payload) throws IOException {
        return FACTORY.createParser(payload);
    }

    /**
     * The value at the parser's current token, as a tree; the parser is left on the value's last
     * token, and what follows is not looked at.
     *
     * @throws IOException when the value is not well-formed JSON or ends early
     */
    public static JsonNode readTree(JsonParser parser) throws IOException {
        return TreeReader.read(parser);
    }

    /**
     * Python-style JSON of Java values: maps (insertion order kept), lists, arrays, strings, numbers,
     * booleans, null, and Jackson trees.
     */
    public static byte[] encode(Object value) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.setPrettyPrinter(PYTHON_SEPARATORS);
            ValueWriter.write(g, value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not representable as JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The same, as text. */
    public static String encodeToString(Object value) {
        return new String(encode(value), StandardCharsets.US_ASCII);
    }

    /**
     * A tree as {@code JsonNode.toString()} writes it (compact JSON, Jackson's own escapes), for
     * logs and audit lines: {@code toString()} would build databind's mapper to say it.
     */
    public static String compact(JsonNode node) {
        StringWriter text = new StringWriter(64);
        try (JsonGenerator g = PLAIN.createGenerator(text)) {
            ValueWriter.write(g, node);
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
        return text.toString();
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
        try (JsonParser p = FACTORY.createParser(text)) {
            return TreeReader.readWhole(p);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from memory failed", e);
        }
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

    /**
     * Writes a value of a type {@link ValueWriter} does not know with the mapper, on the same
     * generator (so with the same separators and escapes).
     */
    static void writeWithMapper(JsonGenerator g, Object value) throws IOException {
        MapperHolder.MAPPER.writeValue(g, value);
    }

    /** Loaded on first use only: the daemon's paths never need databind's mapper. */
    private static final class MapperHolder {
        static final ObjectMapper MAPPER = build();

        private static ObjectMapper build() {
            SimpleModule floats = new SimpleModule("python-floats");
            floats.addSerializer(Double.class, new FloatSerializer());
            floats.addSerializer(double.class, new FloatSerializer());
            floats.addSerializer(Float.class, new FloatSerializer());
            floats.addSerializer(float.class, new FloatSerializer());
            return JsonMapper.builder(FACTORY)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .addModule(floats)
                    .build();
        }
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
