package io.circus.protocol;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * Builds a Jackson tree from a streaming parser, with the nodes databind's {@code readTree} makes
 * under the wire's settings: integers as int, long or big-integer nodes by size, other numbers as
 * double nodes (NaN and infinities included), a repeated key keeps its first position and its last
 * value. Iterative, so the nesting depth is bounded by the parser's own limit and not by the stack.
 *
 * <p>Threading: stateless; any thread.
 */
final class TreeReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TreeReader() {
    }

    /**
     * The one value that fills the parser's input: an empty input gives the missing node, anything
     * after the value is an error (as {@code json.loads}).
     */
    static JsonNode readWhole(JsonParser p) throws IOException {
        if (p.nextToken() == null) {
            return MissingNode.getInstance();
        }
        JsonNode value = read(p);
        JsonToken after = p.nextToken();
        if (after != null) {
            throw new JsonParseException(p, "Trailing token (of type " + after + ") found after value: not allowed");
        }
        return value;
    }

    /** The value starting at the parser's current token; the parser ends on its last token. */
    static JsonNode read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
            return scalar(p, t);
        }
        ArrayDeque<JsonNode> open = new ArrayDeque<>();
        JsonNode root = container(t);
        open.push(root);
        String key = null;
        while (!open.isEmpty()) {
            t = p.nextToken();
            if (t == null) {
                throw new JsonEOFException(p, null, "Unexpected end-of-input in a JSON value");
            }
            JsonNode parent = open.peek();
            if (t == JsonToken.FIELD_NAME) {
                key = p.currentName();
                continue;
            }
            if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                open.pop();
                continue;
            }
            JsonNode value = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY ? container(t) : scalar(p, t);
            if (parent instanceof ObjectNode object) {
                object.replace(key, value);
            } else {
                ((ArrayNode) parent).add(value);
            }
            if (value.isContainerNode()) {
                open.push(value);
            }
        }
        return root;
    }

    private static JsonNode container(JsonToken t) {
        return t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
    }

    private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> switch (p.getNumberTypeFP()) {
                case BIG_DECIMAL -> NODES.numberNode(p.getDecimalValue());
                case FLOAT32 -> NODES.numberNode(p.getFloatValue());
                default -> NODES.numberNode(p.getDoubleValue());
            };
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new JsonParseException(p, "Unexpected token (" + t + ") where a JSON value starts");
        };
    }
}
