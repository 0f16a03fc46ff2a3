package io.circus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.process.Rlimit;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What the run-time commands use: JSON values, the options reply, live keys and diffs. */
class WatcherOptionsRuntimeTest {

    private static final WatcherConfig BASE = WatcherConfig.builder("w", "sleep 300").build();

    private static WatcherConfig apply(String key, String value) {
        return WatcherOptions.apply(BASE, key, value);
    }

    @Test
    void structuredValuesFromJson() {
        assertEquals(3, WatcherOptions.apply(BASE, "numprocesses", (Object) 3).numProcesses());
        assertThrows(InvalidOptionException.class, () -> WatcherOptions.apply(BASE, "numprocesses", (Object) 3.0));
        assertEquals(Duration.ofMillis(2500), WatcherOptions.apply(BASE, "graceful_timeout", (Object) 2.5).gracefulTimeout());
        assertTrue(WatcherOptions.apply(BASE, "shell", (Object) Boolean.TRUE).shell());
        assertEquals(Map.of("A", "1"), WatcherOptions.apply(BASE, "env", (Object) Map.of("A", "1")).env());
        InvalidOptionException notString = assertThrows(InvalidOptionException.class,
                () -> WatcherOptions.apply(BASE, "env", (Object) Map.of("A", 1)));
        assertEquals("'A' isn't a string", notString.problem());
        assertEquals(new HookConfig("java:a.B", true), WatcherOptions.apply(BASE, "hooks",
                (Object) Map.of("before_start", List.of("java:a.B", true))).hooks().get("before_start"));
        assertEquals(new StreamConfig("FileStream", Map.of("filename", "/tmp/o", "max_bytes", "10")),
                WatcherOptions.apply(BASE, "stdout_stream",
                        (Object) Map.of("class", "FileStream", "filename", "/tmp/o", "max_bytes", 10)).stdoutStream());
        assertEquals("a 'b c' '' 'it'\"'\"'s'", WatcherOptions.apply(BASE, "args",
                (Object) Arrays.asList("a", "b c", "", "it's")).args());
        assertEquals(Map.of(Rlimit.NOFILE, Rlimit.INFINITY), WatcherOptions.apply(BASE, "rlimit_nofile", (Object) null).rlimits());
        assertEquals(Map.of(Rlimit.NOFILE, 20L), WatcherOptions.apply(BASE, "rlimit_nofile", (Object) 20).rlimits());
    }

    @Test
    void optionsReplyMatchesCircus() {
        WatcherConfig c = WatcherConfig.builder("sleeper", "sleep 300").numProcesses(2).workingDir("/srv")
                .gracefulTimeout(Duration.ofSeconds(2)).extra("flapping.max_retry", "2")
                .extra("check_flapping", "true").extra("virtualenv", "/venv")
                .stdoutStream(new StreamConfig("FileStream", Map.of("filename", "/tmp/o"))).build();
        Map<String, Object> expected = new TreeMap<>();
        expected.put("args", "");
        expected.put("check_flapping", true);
        expected.put("close_child_stderr", false);
        expected.put("close_child_stdin", true);
        expected.put("close_child_stdout", false);
        expected.put("cmd", "sleep 300");
        expected.put("copy_env", false);
        expected.put("env", Map.of());
        expected.put("executable", null);
        expected.put("flapping.max_retry", "2");
        expected.put("gid", null);
        expected.put("graceful_timeout", 2.0);
        expected.put("max_age", 0L);
        expected.put("max_age_variance", 30L);
        expected.put("max_retry", 5);
        expected.put("numprocesses", 2);
        expected.put("on_demand", false);
        expected.put("priority", 0);
        expected.put("respawn", true);
        expected.put("send_hup", false);
        expected.put("shell", false);
        expected.put("shell_args", null);
        expected.put("singleton", false);
        expected.put("stderr_stream_conf", Map.of());
        expected.put("stdout_stream_conf", Map.of("filename", "/tmp/o"));
        expected.put("stop_children", false);
        expected.put("stop_signal", 15);
        expected.put("uid", null);
        expected.put("use_sockets", false);
        expected.put("warmup_delay", 0L);
        expected.put("working_dir", "/srv");
        Map<String, Object> actual = WatcherOptions.toOptions(c);
        assertEquals(expected, actual);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()));
    }

    @Test
    void knownKeysCoverEveryFamily() {
        Set<String> known = WatcherOptions.knownKeys();
        assertTrue(known.containsAll(Set.of("cmd", "numprocesses", "hooks.before_start", "hooks.extended_stats",
                "rlimit_nofile", "rlimit_rttime", "check_flapping", "stdin_socket", "env")));
        assertFalse(known.contains("name"));
        assertTrue(WatcherOptions.isKnown("stdout_stream.anything"));
        assertFalse(WatcherOptions.isKnown("NumProcesses"));
        assertFalse(WatcherOptions.isKnown("flapping.max_retry"));
    }

    @Test
    void liveKeys() {
        for (String k : List.of("numprocesses", "NumProcesses", "max_age", "max_age_variance", "graceful_timeout",
                "warmup_delay", "respawn", "max_retry", "stop_signal", "priority", "hooks.before_start",
                "flapping.max_retry", "autostart")) {
            assertTrue(WatcherOptions.isLive(k), k);
        }
        for (String k : List.of("cmd", "args", "env", "uid", "working_dir", "shell", "copy_env", "rlimit_nofile",
                "stdout_stream.filename", "use_sockets", "close_child_stdout")) {
            assertFalse(WatcherOptions.isLive(k), k);
        }
        WatcherConfig streamed = apply("stdout_stream.filename", "/tmp/a");
        assertTrue(WatcherOptions.isLive("stdout_stream.filename", streamed));
        assertFalse(WatcherOptions.isLive("stderr_stream.filename", streamed));
        assertTrue(WatcherOptions.isLive("numprocesses", streamed));
    }

    @Test
    void changedKeysDriveReloads() {
        WatcherConfig a = BASE.toBuilder().putEnv("A", "1").build();
        assertEquals(Set.of(), WatcherOptions.changedKeys(a, a.toBuilder().build()));
        assertEquals(Set.of("numprocesses"), WatcherOptions.changedKeys(a, a.withNumProcesses(4)));
        Map<String, String> env = new LinkedHashMap<>(a.env());
        env.put("A", "2");
        assertEquals(Set.of("cmd", "env"), WatcherOptions.changedKeys(a, a.toBuilder().cmd("other").env(env).build()));
        assertEquals(Set.of("stdout_stream.class", "stdout_stream.filename"),
                WatcherOptions.changedKeys(a, WatcherOptions.apply(a, "stdout_stream.filename", "/x")));
        assertEquals(Set.of("hooks.after_start", "rlimit_core", "flapping.x"), WatcherOptions.changedKeys(a,
                a.toBuilder().hook("after_start", new HookConfig("a.B", false)).rlimit(Rlimit.CORE, 0)
                        .extra("flapping.x", "1").build()));
    }
}
