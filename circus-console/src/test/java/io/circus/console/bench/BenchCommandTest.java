package io.circus.console.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.console.ctl.CircusCtl;
import io.circus.console.daemon.CircusDaemon;
import io.circus.testing.TestChildren;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark from rotting: it runs against the real daemon (a separate JVM) at N = 5 with
 * tiny windows and must produce every figure and every optional row. Timings are not checked; the
 * goals are the benchmark's business, not a test's.
 */
class BenchCommandTest {

    @Test
    void theStandardRowMeasuresEveryFigureOfTheRealDaemon() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BenchCommand.Results r = BenchCommand.run(options(List.of(5), false, false), new Sweeper(),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        Outcome ours = r.tables().getFirst().getFirst();
        assertNull(ours.failure, ours.failure);
        for (Figure f : Figure.values()) {
            assertFalse(Double.isNaN(ours.get(f)), f + " was not measured: " + ours.figures);
        }
        String table = out.toString(StandardCharsets.UTF_8);
        for (Figure f : Figure.values()) {
            assertTrue(table.contains("| " + f.label), "no row for " + f + " in\n" + table);
        }
        assertTrue(table.contains("peers: none (--no-peers)"), table);
        assertFalse(r.oursFailed());
    }

    @Test
    void theOptionalRowsProduceEveryValue() throws Exception {
        BenchOptions o = options(List.of(), true, true);
        BenchCommand.Results r = BenchCommand.run(o, new Sweeper(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), System.err);
        List<String> scenarios = new ArrayList<>();
        for (Extra x : r.extras()) {
            assertNull(x.failure, x.scenario + ": " + x.failure);
            assertFalse(x.values.isEmpty(), x.scenario);
            scenarios.add(x.scenario);
        }
        assertEquals(List.of("churn", "streams", "malformed control messages", "stalled subscribers", "stats stream"),
                scenarios);
        Extra streams = r.extras().get(1);
        assertTrue(streams.values.get("`start` → all running (s)").matches("[0-9.]+"), streams.values.toString());
    }

    @Test
    void aStatLineParsesWhateverTheCommandIsCalled() {
        String line = "4242 (a) b (c)) S 1 4242 4242 0 -1 4194560 100 0 0 0 7 5 0 0 20 0 3 0 123456 1000 37 18446744073709551615"
                + " 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        ProcFs.Stat s = ProcFs.parseStat(line);
        assertEquals(4242, s.pid());
        assertEquals('S', s.state());
        assertEquals(1, s.ppid());
        assertEquals(12, s.cpuTicks());
        assertEquals(3, s.threads());
        assertEquals(123456, s.startTime());
        assertEquals(37, s.rssPages());
        assertTrue(ProcFs.stat(ProcessHandle.current().pid()).orElseThrow().alive());
    }

    @Test
    void anyChildFindsAChildAmongTheKernelsListsAndNoOtherPid() throws Exception {
        Process p = new ProcessBuilder("sleep", "30").start();
        try {
            long self = ProcessHandle.current().pid();
            assertTrue(ProcFs.anyChild(self, new long[] {1, p.pid(), Long.MAX_VALUE}));
            assertFalse(ProcFs.anyChild(self, new long[] {1, Long.MAX_VALUE}));
            int all = ProcFs.countChildren(self, new long[0]);
            assertTrue(all >= 1, "at least the sleep: " + all);
            assertEquals(all - 1, ProcFs.countChildren(self, new long[] {p.pid()}));
            p.destroyForcibly().waitFor();
            assertFalse(ProcFs.anyChild(self, new long[] {p.pid()}), "reaped: no longer a child");
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    /** The sweeper's rule: a process listed at some time had started by then, in the same clock. */
    @Test
    void uptimeIsInTheUnitAndClockOfStartTimes() throws Exception {
        long before = ProcFs.uptimeTicks();
        Process p = new ProcessBuilder("sleep", "30").start();
        try {
            long started = ProcFs.stat(p.pid()).orElseThrow().startTime();
            long after = ProcFs.uptimeTicks();
            assertTrue(before <= started && started <= after, before + " <= " + started + " <= " + after);
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    @Test
    void supervisordsXmlRpcAnswersParse() throws Exception {
        String all = """
                <?xml version='1.0'?>
                <methodResponse><params><param><value><array><data>
                <value><struct>
                <member><name>group</name><value><string>sleepers</string></value></member>
                <member><name>pid</name><value><int>1234</int></value></member>
                <member><name>statename</name><value><string>RUNNING</string></value></member>
                <member><name>spawnerr</name><value><string></string></value></member>
                </struct></value>
                </data></array></value></param></params></methodResponse>
                """;
        Object parsed = XmlRpcClient.parseResponse(all.strip().getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(Map.of("group", "sleepers", "pid", 1234L, "statename", "RUNNING", "spawnerr", "")), parsed);
        String fault = """
                <?xml version='1.0'?><methodResponse><fault><value><struct>
                <member><name>faultCode</name><value><int>10</int></value></member>
                <member><name>faultString</name><value><string>BAD_NAME: nope</string></value></member>
                </struct></value></fault></methodResponse>""";
        var e = assertThrows(IllegalStateException.class, () -> XmlRpcClient.parseResponse(fault.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("BAD_NAME"), e.getMessage());
        assertEquals("<?xml version=\"1.0\"?><methodCall><methodName>supervisor.startProcessGroup</methodName><params>"
                + "<param><value><string>a&lt;b</string></value></param><param><value><boolean>0</boolean></value></param>"
                + "</params></methodCall>", XmlRpcClient.request("supervisor.startProcessGroup", "a<b", false));
    }

    @Test
    void theCommandLineNamesWhatItDidNotUnderstand() {
        Path home = Path.of("/repo");
        BenchOptions o = BenchOptions.parse(new String[] {"1000", "5000", "--no-peers", "--churn-minutes", "10"}, home);
        assertEquals(List.of(1000, 5000), o.sizes());
        assertNull(o.peers());
        assertTrue(o.churn());
        assertEquals(Duration.ofMinutes(10), o.churnWindow());
        assertEquals(Path.of("/shared/peers"), BenchOptions.parse(new String[0], home).peers());
        assertEquals(List.of(1000, 5000, 10000), BenchOptions.parse(new String[0], home).sizes());
        assertEquals(List.of(), BenchOptions.parse(new String[] {"--no-rows", "--stats"}, home).sizes());
        var e = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--idle"}, home));
        assertTrue(e.getMessage().contains("'--idle'"), e.getMessage());
    }

    /** Our daemon and circusctl from the test class path (the jar is not packaged yet during tests). */
    private static BenchOptions options(List<Integer> sizes, boolean extras, boolean tiny) {
        List<String> daemon = new ArrayList<>(TestChildren.javaMain(CircusDaemon.class));
        daemon.add(1, "--enable-native-access=ALL-UNNAMED");
        List<String> ctl = new ArrayList<>(TestChildren.javaMain(CircusCtl.class));
        var settings = new CoreScenario.Settings(Duration.ofSeconds(1), 20, Duration.ofSeconds(2), 1);
        return new BenchOptions(sizes, daemon, ctl, null, settings, extras, Duration.ofSeconds(2), extras, 20, extras,
                tiny ? 600 : 100_000, tiny ? 10 : 1000, 2, extras, 5);
    }
}
