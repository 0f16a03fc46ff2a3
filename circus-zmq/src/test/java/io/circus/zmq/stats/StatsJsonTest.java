package io.circus.zmq.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.circus.stats.ProcessInfo;
import io.circus.protocol.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written stats payload is byte for byte the Jackson encoding of the map it replaced. */
class StatsJsonTest {

    private static final long NOW = 1_796_424_727_982L;

    private static ProcessInfo info(long pid, String name, String user, double cpu, double mem, long rss, long vms,
                                    long cpuMillis, long created) {
        return new ProcessInfo(pid, 1, name, List.of(name), user, -5, 'S', cpu, mem, rss, vms, cpuMillis, created);
    }

    private static void same(StatsJson json, ProcessInfo p, List<ProcessInfo> children, String name) {
        String expected = WireJson.encodeToString(StatsFormat.process(p, children, name, NOW));
        assertEquals(expected, new String(json.process(p, children, name, NOW), StandardCharsets.US_ASCII));
    }

    @Test
    void matchesTheMapEncodingForOrdinaryAndOddValues() {
        StatsJson json = new StatsJson();
        ProcessInfo sleep = info(32182, "sleep", "root", 0.0, 0.006, 1_445_888, 2_560_000, 0, 1_796_424_707_550L);
        same(json, sleep, List.of(), null);
        same(json, sleep, List.of(), null); // Remembered sizes give the same text.
        ProcessInfo odd = info(7, "na\"me\\ with\ttab \u00e9\u20ac\ud83d\ude00 \u0001\u007f", "us\ner", 123.4, 1e-5,
                5, 1L << 41, 3_723_456, NOW + 5000);
        same(json, odd, List.of(sleep, odd), "circusd");
        same(json, info(1, "", "N/A", 1e17, 99.999, 0, 1023, 59_999, 0), List.of(), "x");
    }
}
