package io.circus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.process.Rlimit;
import io.circus.process.Signal;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The conversion table shared by the ini loader and the run-time commands. */
class WatcherOptionsTest {

    private static final WatcherConfig BASE = WatcherConfig.builder("w", "sleep 300").build();

    private static WatcherConfig apply(String key, String value) {
        return WatcherOptions.apply(BASE, key, value);
    }

    private static InvalidOptionException rejects(String key, String value) {
        return assertThrows(InvalidOptionException.class, () -> apply(key, value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"shell", "send_hup", "stop_children", "singleton", "use_sockets", "copy_env", "respawn",
        "autostart", "close_child_stdin", "close_child_stdout", "close_child_stderr", "on_demand"})
    void booleansAcceptCircusSetInAnyCase(String key) {
        Function<WatcherConfig, Object> field = c -> WatcherOptions.toOptions(c).containsKey(key)
                ? WatcherOptions.toOptions(c).get(key) : readBoolean(c, key);
        for (String t : List.of("true", "Yes", "ON", "1", " true ")) {
            assertEquals(true, field.apply(apply(key, t)), key + "=" + t);
        }
        for (String f : List.of("false", "No", "off", "0")) {
            assertEquals(false, field.apply(apply(key, f)), key + "=" + f);
        }
        for (String bad : List.of("maybe", "", "2", "y")) {
            InvalidOptionException e = rejects(key, bad);
            assertEquals(key + " = '" + bad + "': expected a boolean (true/false, yes/no, on/off, 1/0)", e.getMessage());
        }
    }

    private static Object readBoolean(WatcherConfig c, String key) {
        return switch (key) {
            case "autostart" -> c.autostart();
            default -> throw new AssertionError(key);
        };
    }

    @Test
    void copyPathIsABooleanToo() {
        assertTrue(apply("copy_path", "yes").copyPath());
        rejects("copy_path", "maybe");
    }

    @Test
    void integers() {
        assertEquals(3, apply("numprocesses", "3").numProcesses());
        assertEquals(0, apply("numprocesses", "0").numProcesses());
        assertEquals(1000, apply("numprocesses", "1_000").numProcesses());
        assertEquals("numprocesses = 'abc': expected an integer >= 0", rejects("numprocesses", "abc").getMessage());
        assertEquals("numprocesses = '-1': expected an integer >= 0", rejects("numprocesses", "-1").getMessage());
        rejects("numprocesses", "0.5");
        assertEquals(-1, apply("max_retry", "-1").maxRetry());
        rejects("max_retry", "-2");
        assertEquals(-5, apply("priority", "-5").priority());
        rejects("priority", "high");
    }

    @ParameterizedTest
    @CsvSource({"warmup_delay", "graceful_timeout", "max_age", "max_age_variance"})
    void secondsAcceptDecimals(String key) {
        Map<String, Object> options = WatcherOptions.toOptions(apply(key, "25.5"));
        assertEquals(25.5, ((Number) options.get(key)).doubleValue());
        assertEquals("25", String.valueOf(WatcherOptions.toOptions(apply(key, "25")).get(key)).replace(".0", ""));
        assertEquals(key + " = 'x': expected a number of seconds", rejects(key, "x").getMessage());
        assertEquals(key + " = '-1': expected a number of seconds >= 0", rejects(key, "-1").getMessage());
    }

    @Test
    void secondsAreExact() {
        assertEquals(Duration.ofMillis(25_500), apply("graceful_timeout", "25.5").gracefulTimeout());
        assertEquals(Duration.ofNanos(1), apply("graceful_timeout", "1e-9").gracefulTimeout());
        assertEquals(Duration.ofSeconds(88), apply("graceful_timeout", "88").gracefulTimeout());
    }

    @ParameterizedTest
    @CsvSource({"INT,2", "int,2", "SIGTERM,15", "sigkill,9", "9,9", "RTMIN+1,35", "Hup,1"})
    void signalsByNameOrNumber(String text, int number) {
        assertEquals(number, apply("stop_signal", text).stopSignal().number());
    }

    @Test
    void unknownSignalIsRejected() {
        InvalidOptionException e = rejects("stop_signal", "SIGFOO");
        assertEquals("stop_signal", e.key());
        assertEquals("SIGFOO", e.value());
        assertTrue(e.problem().startsWith("expected a signal name or number"), e.problem());
        rejects("stop_signal", "99");
    }

    @Test
    void rlimits() {
        assertEquals(Map.of(Rlimit.NOFILE, 1024L), apply("rlimit_nofile", "1024").rlimits());
        assertEquals(Map.of(Rlimit.CORE, Rlimit.INFINITY), apply("rlimit_core", "").rlimits());
        assertEquals(Map.of(Rlimit.NPROC, Rlimit.INFINITY), apply("rlimit_NPROC", "-1").rlimits());
        InvalidOptionException e = rejects("rlimit_foo", "1");
        assertTrue(e.problem().startsWith("unknown resource limit 'foo' (expected one of cpu, fsize"), e.problem());
        rejects("rlimit_nofile", "many");
    }

    @Test
    void hooks() {
        WatcherConfig c = apply("hooks.before_start", "com.example.Hooks.check, true");
        assertEquals(new HookConfig("com.example.Hooks.check", true), c.hooks().get("before_start"));
        assertEquals(new HookConfig("com.example.H", false), apply("hooks.after_spawn", "com.example.H").hooks().get("after_spawn"));
        // Circus always ignores failures of stop and signal hooks unless told otherwise.
        assertEquals(new HookConfig("com.example.H", true), apply("hooks.before_stop", "com.example.H").hooks().get("before_stop"));
        assertEquals(new HookConfig("com.example.H", false),
                apply("hooks.before_stop", "com.example.H, no").hooks().get("before_stop"));
        assertTrue(rejects("hooks.before_strat", "x").problem().startsWith("unknown hook 'before_strat'"));
        rejects("hooks.before_start", "x, maybe");
        rejects("hooks.before_start", " , true");
        WatcherConfig both = apply("hooks", "before_start:a.B,after_stop:c.D");
        assertEquals(Set.of("before_start", "after_stop"), both.hooks().keySet());
    }

    @Test
    void streams() {
        WatcherConfig c = apply("stdout_stream.class", "TimedRotatingFileStream");
        c = WatcherOptions.apply(c, "stdout_stream.filename", "/var/log/x.log");
        c = WatcherOptions.apply(c, "stdout_stream.rotate_when", "MIDNIGHT");
        assertEquals(new StreamConfig("TimedRotatingFileStream",
                Map.of("filename", "/var/log/x.log", "rotate_when", "MIDNIGHT")), c.stdoutStream());
        assertEquals(StreamConfig.NONE, c.stderrStream());
        assertEquals("FileStream", apply("stderr_stream.filename", "/tmp/e").stderrStream().className());
        WatcherConfig incomplete = apply("stdout_stream.max_bytes", "10");
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> WatcherOptions.validate(incomplete));
        assertEquals("stdout_stream.class", e.key());
        rejects("stdout_stream", "FileStream");
        rejects("stdout_stream.", "x");
    }

    @Test
    void crossOptionRules() {
        WatcherConfig single = apply("singleton", "true");
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> WatcherOptions.apply(single, "numprocesses", "3"));
        assertEquals("numprocesses", e.key());
        assertTrue(e.problem().contains("singleton"), e.problem());
        assertEquals(0, WatcherOptions.apply(single, "numprocesses", "0").numProcesses());
        InvalidOptionException copyPath = assertThrows(InvalidOptionException.class,
                () -> WatcherOptions.validate(apply("copy_path", "true")));
        assertEquals("copy_path requires copy_env = true", copyPath.problem());
        WatcherOptions.validate(WatcherOptions.apply(apply("copy_path", "true"), "copy_env", "true"));
        assertThrows(InvalidOptionException.class, () -> WatcherOptions.validate(apply("virtualenv", "/venv")));
        assertThrows(InvalidOptionException.class, () -> WatcherOptions.validate(apply("cmd", "x").toBuilder().cmd(" ").build()));
        rejects("cmd", "");
    }

    @Test
    void stringsAndFreeForm() {
        WatcherConfig c = apply("working_dir", "/srv");
        assertEquals("/srv", c.workingDir());
        assertEquals(null, WatcherOptions.apply(c, "working_dir", "").workingDir());
        assertEquals("web", apply("stdin_socket", "Web").stdinSocket());
        assertEquals("true", apply("check_flapping", "yes").extra().get("check_flapping"));
        WatcherConfig extra = BASE.toBuilder().extra("flapping.max_retry", "2").build();
        assertEquals("5", WatcherOptions.apply(extra, "flapping.max_retry", "5").extra().get("flapping.max_retry"));
        assertEquals("bogus = 'x': unknown option", rejects("bogus", "x").getMessage());
        assertSame(BASE, apply("retry_in", "3"));
        rejects("retry_in", "soon");
    }

    @Test
    void keysAreCaseInsensitiveAtRunTime() {
        assertEquals(4, apply("NumProcesses", "4").numProcesses());
        assertEquals(Signal.INT, apply(" STOP_SIGNAL ", "int").stopSignal());
    }

    @Test
    void envStringReplacesTheEnvironment() {
        WatcherConfig c = BASE.toBuilder().putEnv("OLD", "1").build();
        assertEquals(Map.of("A", "1", "B", "x=y"), WatcherOptions.apply(c, "env", "A=1, B=x=y").env());
        rejects("env", "novalue");
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
        assertEquals(new HookConfig("a.B", true), WatcherOptions.apply(BASE, "hooks",
                (Object) Map.of("before_start", List.of("a.B", true))).hooks().get("before_start"));
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
