package io.circus.console.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import io.circus.protocol.PythonJson;

/** What reaches the daemon for each command line, as Circus's message() builds it. */
class RequestBuilderTest {

    private static String request(String... words) throws Exception {
        CommandSpec spec = CommandCatalog.find(words[0]).orElseThrow();
        CommandLine line = CommandLine.parse(spec, List.of(words).subList(1, words.length), false);
        RequestBuilder.Request r = RequestBuilder.build(words[0], line.positional(), line.options());
        return r.command() + " " + PythonJson.json(r.properties());
    }

    private static String argumentError(String... words) {
        return assertThrows(ArgumentException.class, () -> request(words)).getMessage();
    }

    @Test
    void requests() throws Exception {
        assertEquals("add {\"name\": \"w\", \"cmd\": \"sleep 10\", \"start\": true}", request("add", "--start", "w", "sleep", "10"));
        assertEquals("incr {\"name\": \"w\", \"nb\": 2, \"waiting\": true}", request("incr", "w", "2", "--waiting"));
        assertEquals("decr {\"name\": \"w\", \"waiting\": false}", request("decr", "w"));
        assertEquals("get {\"name\": \"w\", \"keys\": [\"env\", \"cmd\"]}", request("get", "w", "env", "cmd"));
        assertEquals("globaloptions {\"option\": \"check_delay\"}", request("globaloptions", "check_delay"));
        assertEquals("kill {\"name\": \"w\", \"pid\": 12, \"signum\": \"INT\", \"graceful_timeout\": 0.5}",
                request("kill", "w", "12", "--signum", "INT", "--graceful_timeout=0.5"));
        assertEquals("list {}", request("list"));
        assertEquals("list {\"name\": \"w\"}", request("list", "w"));
        assertEquals("reload {\"name\": \"w\", \"graceful\": false, \"waiting\": false, \"sequential\": true}",
                request("reload", "w", "--terminate", "--sequential"));
        assertEquals("restart {\"name\": \"w*\", \"waiting\": true, \"match\": \"glob\"}", request("restart", "w*", "--waiting"));
        assertEquals("stop {\"waiting\": false, \"match\": \"regex\"}", request("stop", "--match=regex"));
        assertEquals("rm {\"name\": \"w\", \"nostop\": true, \"waiting\": false}", request("rm", "w", "--nostop"));
        assertEquals("signal {\"name\": \"w\", \"children\": false, \"recursive\": true, \"signum\": \"HUP\", \"pid\": 42}",
                request("signal", "w", "42", "--recursive", "HUP"));
        assertEquals("stats {\"name\": \"w\", \"process\": 42, \"extended\": false}", request("stats", "w", "42"));
        assertEquals("quit {\"waiting\": true}", request("quit", "--waiting"));
        assertEquals("dstats {}", request("dstats"));
    }

    @Test
    void setConvertsValuesAsCircusctl() throws Exception {
        assertEquals("set {\"name\": \"w\", \"waiting\": true, \"options\": {\"numprocesses\": 3, \"respawn\": false, "
                        + "\"stop_signal\": 10, \"graceful_timeout\": 2.5, \"env\": {\"A\": \"1\", \"B\": \"x=y\"}, "
                        + "\"hooks\": {\"before_start\": \"pkg.f\"}, \"stdout_stream.max_bytes\": 10, \"cmd\": \"sleep 5\"}}",
                request("set", "w", "NumProcesses", "3", "respawn", "off", "stop_signal", "sigusr1", "graceful_timeout", "2.5",
                        "env", "A=1,B=x=y", "hooks", "before_start:pkg.f", "stdout_stream.max_bytes", "10", "cmd", "sleep 5",
                        "--waiting"));
        // Our hook targets hold ':' themselves; the hook name is what comes before the first one.
        assertEquals("set {\"name\": \"w\", \"options\": {\"hooks\": {\"before_start\": \"java:a.B#c\", "
                        + "\"after_stop\": \"exec:/bin/true\"}}}",
                request("set", "w", "hooks", "before_start:java:a.B#c,after_stop:exec:/bin/true"));
        assertEquals("unknown key 'bogus'", argumentError("set", "w", "bogus", "1"));
        assertEquals("List of key/values is invalid", argumentError("set", "w", "numprocesses", "1", "cmd"));
        assertEquals("'maybe' is not a boolean", argumentError("set", "w", "respawn", "maybe"));
        assertEquals("invalid literal for int() with base 10: 'x'", argumentError("set", "w", "numprocesses", "x"));
    }

    @Test
    void argumentErrorsAsCircus() {
        assertEquals("Invalid number of arguments", argumentError("add", "w"));
        assertEquals("Invalid number of arguments", argumentError("list", "a", "b"));
        assertEquals("message invalid", argumentError("status", "a", "b"));
        assertEquals("Invalid number of arguments", argumentError("signal", "w"));
        assertEquals("Invalid number of arguments", argumentError("start", "a", "b"));
        assertEquals("number of arguments invalid", argumentError("options"));
        assertEquals("Invalid message", argumentError("dstats", "x"));
    }
}
