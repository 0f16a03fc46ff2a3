package io.circus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.process.Rlimit;
import io.circus.process.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        for (String t : List.of("true", "Yes", "ON", "1", " true ")) {
            assertEquals(true, bool(apply(key, t), key), key + "=" + t);
        }
        for (String f : List.of("false", "No", "off", "0")) {
            assertEquals(false, bool(apply(key, f), key), key + "=" + f);
        }
        for (String bad : List.of("maybe", "", "2", "y")) {
            InvalidOptionException e = rejects(key, bad);
            assertEquals(key + " = '" + bad + "': expected a boolean (true/false, yes/no, on/off, 1/0)", e.getMessage());
        }
    }

    private static boolean bool(WatcherConfig c, String key) {
        return switch (key) {
            case "shell" -> c.shell();
            case "send_hup" -> c.sendHup();
            case "stop_children" -> c.stopChildren();
            case "singleton" -> c.singleton();
            case "use_sockets" -> c.useSockets();
            case "copy_env" -> c.copyEnv();
            case "respawn" -> c.respawn();
            case "autostart" -> c.autostart();
            case "close_child_stdin" -> c.closeChildStdin();
            case "close_child_stdout" -> c.closeChildStdout();
            case "close_child_stderr" -> c.closeChildStderr();
            case "on_demand" -> c.onDemand();
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
        WatcherConfig c = apply("hooks.before_start", "java:com.example.Hooks#check, true");
        assertEquals(new HookConfig("java:com.example.Hooks#check", true), c.hooks().get("before_start"));
        assertEquals(new HookConfig("java:com.example.H", false), apply("hooks.after_spawn", "java:com.example.H").hooks().get("after_spawn"));
        // Circus always ignores failures of stop and signal hooks unless told otherwise.
        assertEquals(new HookConfig("java:com.example.H", true), apply("hooks.before_stop", "java:com.example.H").hooks().get("before_stop"));
        assertEquals(new HookConfig("java:com.example.H", false),
                apply("hooks.before_stop", "java:com.example.H, no").hooks().get("before_stop"));
        // The flag follows the last comma: a command's arguments may hold commas.
        assertEquals(new HookConfig("exec:/bin/notify a,b", false),
                apply("hooks.after_start", "exec:/bin/notify a,b").hooks().get("after_start"));
        assertEquals(new HookConfig("/bin/notify a,b", true),
                apply("hooks.after_start", "/bin/notify a,b , true").hooks().get("after_start"));
        assertTrue(rejects("hooks.before_strat", "x").problem().startsWith("unknown hook 'before_strat'"));
        rejects("hooks.before_start", "java:x, maybe");
        rejects("hooks.before_start", " , true");
        rejects("hooks.before_start", "java:com.example.Hooks#no-such");
        rejects("hooks.before_start", "exec:");
        assertTrue(rejects("hooks.before_start", "mymodule.myhook, true").problem().contains(
                "'mymodule.myhook' is a Python hook (Circus's module.function form), which Circus for the JVM cannot "
                        + "run; write java:com.example.MyHook"), "the message says what to write instead");
        WatcherConfig both = apply("hooks", "before_start:java:a.B,after_stop:exec:/bin/true");
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
}
