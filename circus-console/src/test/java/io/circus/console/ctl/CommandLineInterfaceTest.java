package io.circus.console.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.testing.FreePorts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Usage, help, versions and exit statuses that need no daemon (test_circusctl.py's checks among them). */
class CommandLineInterfaceTest {

    record Result(int status, String out, String err) {
    }

    static Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CircusCtl.run(List.of(args), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env, false);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void helpListsEveryCommandLikeCircus() {
        Result r = run("--help");
        assertEquals(0, r.status());
        List<String> lines = r.out().lines().toList();
        assertEquals("usage: circusctl [options] command [args]", lines.get(0));
        assertEquals("Controls a Circus daemon", lines.get(2));
        assertEquals("Commands:", lines.get(4));
        assertTrue(r.out().contains("  add                   Add a watcher\n"), r.out());
        assertTrue(r.out().contains("  stop                  Stop watchers\n"), r.out());
        assertTrue(r.out().contains("  --endpoint ENDPOINT   connection endpoint\n"), r.out());
        for (CommandSpec c : CommandCatalog.all()) {
            assertTrue(r.out().contains("  " + c.name() + " "), c.name());
        }
    }

    @Test
    void helpOfOneCommandStartsWithItsSummary() {
        assertEquals("Add a watcher", run("--help", "add").out().lines().findFirst().orElseThrow());
        assertEquals("Add a watcher", run("add", "--help").out().lines().findFirst().orElseThrow());
        Result r = run("help", "stats");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("Get process infos\n"), r.out());
        assertTrue(r.out().contains("--extended"), r.out());
    }

    @Test
    void helpTypedAtTheConsoleListsCommandsAsCircusShellDoes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = CircusCtl.run(List.of(), new ByteArrayInputStream("help\nhelp add\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of(), false);
        assertEquals(0, status);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("Documented commands (type help <topic>):", lines.get(1));
        assertEquals("add     globaloptions  list          options       rm      status", lines.get(3));
        assertTrue(lines.contains("Add a watcher"), lines.toString());
    }

    @Test
    void unknownCommandIsAUsageError() {
        Result r = run("foo");
        assertEquals(2, r.status());
        assertEquals("usage: circusctl [options] command [args]\ncircusctl: error: unrecognized arguments: foo\n", r.err());
        assertEquals(2, run("--bogus", "list").status());
        assertEquals(2, run("list", "--bogus").status());
    }

    @Test
    void versionAndArgumentErrors() {
        assertEquals("circusctl " + CircusCtl.version() + "\n", run("--version").out());
        Result r = run("add", "onlyname");
        assertEquals(1, r.status());
        assertEquals("Invalid number of arguments\n", r.err());
    }

    @Test
    void noDaemonTimesOutWithCircusText() throws Exception {
        int port = FreePorts.loopback();
        Result r = run("--timeout", "1", "--endpoint", "tcp://127.0.0.1:" + port, "list");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("Timed out.\nA time out usually happens in one of those cases:\n"), r.err());
        assertTrue(r.err().endsWith("(particularly with waiting switches)\n"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void endpointComesFromTheEnvironmentToo() throws Exception {
        int port = FreePorts.loopback();
        Result r = run(Map.of("CIRCUSCTL_ENDPOINT", "tcp://127.0.0.1:" + port), "--timeout", "1", "numwatchers");
        assertEquals(1, r.status());
    }
}
