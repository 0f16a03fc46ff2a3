package io.circus.zmq.stats;

import io.circus.stats.CircusFormat;
import io.circus.stats.ProcessInfo;
import io.circus.protocol.PythonRepr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code stat.<group>.<pid>} payload written straight into text, without a map and a Jackson
 * tree per message: at 1000 processes a second the tree was most of the stats thread's user time.
 * The bytes are those of {@link StatsFormat#process} encoded by {@code WireJson} (Python's
 * {@code json.dumps}: {@code ", "} and {@code ": "}, ASCII only, floats as Python's repr);
 * {@code StatsJsonTest} holds the two side by side. The human-readable sizes and CPU times repeat
 * from round to round (1000 idle children share a handful), so their text is remembered.
 *
 * <p>Threading: not thread-safe; owned by the stats thread.
 */
final class StatsJson {

    private static final int REMEMBERED = 4096;

    private final StringBuilder out = new StringBuilder(512);
    private final Map<Long, String> sizes = new HashMap<>();
    private final Map<Long, String> ctimes = new HashMap<>();

    /** The payload of one process: its {@code get_info} fields, children, {@code subtopic} and {@code name}. */
    byte[] process(ProcessInfo p, List<ProcessInfo> children, String name, long nowMillis) {
        out.setLength(0);
        info(p, children, nowMillis);
        out.setLength(out.length() - 1); // Reopen the object for the two stream-only keys.
        out.append(", \"subtopic\": ").append(p.pid()).append(", \"name\": ");
        string(name);
        out.append('}');
        byte[] bytes = new byte[out.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) out.charAt(i); // ASCII only, by construction.
        }
        return bytes;
    }

    private void info(ProcessInfo p, List<ProcessInfo> children, long nowMillis) {
        out.append("{\"mem_info1\": ");
        string(remembered(sizes, p.rssBytes(), false));
        out.append(", \"mem_info2\": ");
        string(remembered(sizes, p.vmsBytes(), false));
        out.append(", \"cpu\": ").append(PythonRepr.floatRepr(p.cpuPercent()));
        out.append(", \"mem\": ").append(PythonRepr.floatRepr(p.memPercent()));
        out.append(", \"ctime\": ");
        string(remembered(ctimes, p.cpuTimeMillis(), true));
        out.append(", \"pid\": ").append(p.pid());
        out.append(", \"username\": ");
        string(p.username());
        out.append(", \"nice\": ").append(p.nice());
        out.append(", \"create_time\": ").append(PythonRepr.floatRepr(p.createEpochMillis() / 1000.0));
        out.append(", \"age\": ").append(PythonRepr.floatRepr(StatsFormat.age(p, nowMillis)));
        out.append(", \"cmdline\": ");
        string(p.name());
        out.append(", \"children\": [");
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            info(children.get(i), List.of(), nowMillis);
        }
        out.append("]}");
    }

    private static String remembered(Map<Long, String> cache, long value, boolean ctime) {
        String text = cache.get(value);
        if (text == null) {
            if (cache.size() >= REMEMBERED) {
                cache.clear();
            }
            text = ctime ? CircusFormat.ctime(value) : CircusFormat.bytes(value);
            cache.put(value, text);
        }
        return text;
    }

    /** A JSON string as {@code json.dumps} with {@code ensure_ascii} writes it. */
    private void string(String s) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7f) {
                        out.append("\\u");
                        String hex = Integer.toHexString(c);
                        out.append("0".repeat(4 - hex.length())).append(hex);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
