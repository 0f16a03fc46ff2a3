package io.circus.console.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.console.ctl.CommandLineInterfaceTest.Result;
import io.circus.testing.TestChildren;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One-shot circusctl against a real daemon (real {@code sleep} children): the text and status of each command. */
class OneShotTest {

    private static final String INFOLINE = "(\\d+)  sleep \\S+ -?\\d+ [\\d.]+[BKMG] [\\d.]+[BKMG] [\\d.]+ [\\d.]+ \\d+:\\d\\d\\.\\d+";

    private CtlDaemon daemon;

    @BeforeEach
    void start() {
        daemon = CtlDaemon.started(TestChildren.sleepers("sleepers", 2), TestChildren.sleepers("web", 1));
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    private Result zmq(String... command) {
        List<String> args = new ArrayList<>(List.of("--timeout", "30", "--endpoint", daemon.endpoint()));
        args.addAll(List.of(command));
        return CommandLineInterfaceTest.run(Map.of(), args.toArray(String[]::new));
    }

    private void ok(String expected, String... command) {
        Result r = zmq(command);
        assertEquals(expected, r.out(), String.join(" ", command) + " / stderr: " + r.err());
        assertEquals(0, r.status(), String.join(" ", command));
        assertEquals("", r.err());
    }

    private void error(int status, String expected, String... command) {
        Result r = zmq(command);
        assertEquals(expected, r.err(), String.join(" ", command));
        assertEquals(status, r.status(), String.join(" ", command));
        assertEquals("", r.out());
    }

    @Test
    void introspection() {
        ok("sleepers,web\n", "list");
        String pids = zmq("list", "sleepers").out();
        assertTrue(pids.matches("\\d+,\\d+\n"), pids);
        assertEquals(daemon.arbiter.watcher("sleepers").orElseThrow().pids().stream().sorted().toList(),
                List.of(pids.strip().split(",")).stream().map(Long::valueOf).sorted().toList());
        ok("sleepers: active\nweb: active\n", "status");
        ok("active\n", "status", "web");
        error(3, "error\n", "status", "nope");
        error(3, "error: program nope not found\n", "list", "nope");
        ok("2\n", "numwatchers");
        ok("3\n", "numprocesses");
        ok("1\n", "numprocesses", "web");
        ok("\n", "listsockets");
        ok("check_delay: 1.0\n", "globaloptions", "check_delay");
        error(3, "'nope' not an existing option\n", "globaloptions", "nope");
    }

    @Test
    void optionsAndGet() {
        ok("""
                args: 3600
                close_child_stderr: False
                close_child_stdin: True
                close_child_stdout: False
                cmd: sleep
                copy_env: False
                env:\s
                executable:\s
                gid:\s
                graceful_timeout: 5.0
                max_age: 0
                max_age_variance: 30
                max_retry: 5
                numprocesses: 1
                on_demand: False
                priority: 0
                respawn: True
                send_hup: False
                shell: False
                shell_args:\s
                singleton: False
                stderr_stream_conf: {}
                stdout_stream_conf: {}
                stop_children: False
                stop_signal: 15
                uid:\s
                use_sockets: False
                warmup_delay: 0
                working_dir:\s
                """, "options", "web");
        ok("numprocesses: 1\ngraceful_timeout: 5.0\n", "get", "web", "numprocesses", "graceful_timeout");
        error(3, "error: 'bogus' option not found\n", "get", "web", "bogus");
        ok("ok\n", "set", "web", "graceful_timeout", "4", "--waiting");
        ok("graceful_timeout: 4.0\n", "get", "web", "graceful_timeout");
        error(1, "unknown key 'bogus'\n", "set", "web", "bogus", "1");
    }

    @Test
    void stats() {
        long pid = daemon.arbiter.watcher("web").orElseThrow().pids().getFirst();
        String one = zmq("stats", "web").out();
        assertTrue(Pattern.matches("web:\n" + pid + ": " + INFOLINE + "\n", one), one);
        String process = zmq("stats", "web", Long.toString(pid)).out();
        assertTrue(Pattern.matches(pid + ": " + INFOLINE + "\n\n", process), process);
        String all = zmq("stats").out();
        assertTrue(Pattern.matches("sleepers:\n(\\d+: " + INFOLINE + "\n){2}web:\n\\d+: " + INFOLINE + "\n", all), all);
        String d = zmq("dstats").out();
        assertTrue(d.startsWith("Main Process:\n    " + ProcessHandle.current().pid() + "  java "), d);
        error(3, "error: process 1 not found in 'web'\n", "stats", "web", "1");
    }

    @Test
    void lifecycle() {
        ok("2\n", "incr", "web", "--waiting");
        ok("1\n", "decr", "web", "--waiting");
        ok("ok\n", "incr", "web");
        ok("1\n", "--waiting", "decr", "web");
        ok("ok\n", "stop", "web", "--waiting");
        ok("stopped\n", "status", "web");
        ok("ok\n", "start", "web", "--waiting");
        ok("active\n", "status", "web");
        ok("ok\n", "restart", "web", "--waiting");
        ok("ok\n", "reload", "web", "--waiting");
        ok("ok\n", "signal", "web", "CONT");
        ok("ok\n", "add", "--start", "extra", "sleep", "3600");
        ok("ok\n", "rm", "extra", "--waiting");
        ok("sleepers,web\n", "list");
        error(3, "error: program nope not found\n", "start", "nope");
    }

    @Test
    void jsonOutput() {
        Result r = zmq("--json", "list");
        assertTrue(r.out().matches("\\{\"status\": \"ok\", \"time\": [\\d.]+, \"watchers\": \\[\"sleepers\", \"web\"], \"id\": \"[0-9a-f]{32}\"}\n"),
                r.out());
        Result e = zmq("--json", "status", "nope");
        assertEquals(0, e.status());
        assertTrue(e.out().startsWith("{\"status\": \"error\", \"reason\": \"program nope not found\", \"tb\": null, \"time\": "), e.out());
        Result p = zmq("--json", "--prettify", "numwatchers");
        assertTrue(p.out().matches("(?s)\\{\n  \"id\": \"[0-9a-f]{32}\",\n  \"numwatchers\": 2,\n  \"status\": \"ok\",\n  \"time\": [\\d.]+\n}\n"),
                p.out());
    }
}
