package io.circus.console.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The XML-RPC client the benchmark drives supervisord with ({@code supervisor.getAllProcessInfo},
 * {@code startProcessGroup}, ...), over its {@code inet_http_server} on 127.0.0.1. Just the
 * value types supervisord uses: string, int/i4, boolean, double, array, struct; a fault becomes an
 * {@link IllegalStateException}.
 */
final class XmlRpcClient {

    private final URI uri;
    private final Duration timeout;

    XmlRpcClient(String url, Duration timeout) {
        this.uri = URI.create(url);
        this.timeout = timeout;
    }

    Object call(String method, Object... params) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setConnectTimeout((int) timeout.toMillis());
        c.setReadTimeout((int) timeout.toMillis());
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "text/xml");
        byte[] body = request(method, params).getBytes(StandardCharsets.UTF_8);
        c.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        int code = c.getResponseCode();
        if (code != 200) {
            throw new IOException(method + ": HTTP " + code + " from " + uri);
        }
        try (InputStream in = c.getInputStream()) {
            return parseResponse(in.readAllBytes());
        }
    }

    static String request(String method, Object... params) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><methodCall><methodName>").append(escape(method))
                .append("</methodName><params>");
        for (Object p : params) {
            sb.append("<param>");
            value(sb, p);
            sb.append("</param>");
        }
        return sb.append("</params></methodCall>").toString();
    }

    private static void value(StringBuilder sb, Object v) {
        sb.append("<value>");
        switch (v) {
            case String s -> sb.append("<string>").append(escape(s)).append("</string>");
            case Boolean b -> sb.append("<boolean>").append(b ? 1 : 0).append("</boolean>");
            case Integer i -> sb.append("<int>").append(i).append("</int>");
            case Double d -> sb.append("<double>").append(d).append("</double>");
            default -> throw new IllegalArgumentException("unsupported XML-RPC parameter: " + v);
        }
        sb.append("</value>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The result of a methodResponse, or an exception for a fault. */
    static Object parseResponse(byte[] xml) throws IOException {
        Element root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            root = b.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not an XML-RPC response: " + e.getMessage(), e);
        }
        Element fault = child(root, "fault");
        if (fault != null) {
            Object f = parseValue(child(fault, "value"));
            throw new IllegalStateException("XML-RPC fault: " + f);
        }
        Element param = child(child(child(root, "params"), "param"), "value");
        return parseValue(param);
    }

    private static Object parseValue(Element value) {
        if (value == null) {
            throw new IllegalArgumentException("XML-RPC response without a value");
        }
        Element typed = firstElement(value);
        if (typed == null) {
            return value.getTextContent();
        }
        String text = typed.getTextContent().strip();
        return switch (typed.getTagName()) {
            case "string" -> typed.getTextContent();
            case "int", "i4", "i8" -> Long.parseLong(text);
            case "boolean" -> text.equals("1");
            case "double" -> Double.parseDouble(text);
            case "nil" -> null;
            case "array" -> {
                List<Object> list = new ArrayList<>();
                for (Node n = child(typed, "data").getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && e.getTagName().equals("value")) {
                        list.add(parseValue(e));
                    }
                }
                yield list;
            }
            case "struct" -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Node n = typed.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element member && member.getTagName().equals("member")) {
                        map.put(child(member, "name").getTextContent(), parseValue(child(member, "value")));
                    }
                }
                yield map;
            }
            default -> text;
        };
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }
}
