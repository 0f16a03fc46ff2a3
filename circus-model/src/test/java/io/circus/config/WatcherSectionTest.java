package io.circus.config;

import static io.circus.config.IniFixture.assertNoWarning;
import static io.circus.config.IniFixture.assertWarning;
import static io.circus.config.IniFixture.watcher;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.circus.process.Rlimit;
import io.circus.process.Signal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A [watcher:NAME] section with every option, through the loader, and its warnings. */
class WatcherSectionTest {

    @TempDir
    Path tmp;

    @Test
    void everyOption() throws Exception {
        CircusConfig c = new IniFixture(tmp).loadLines(
                "[watcher:full]",
                "cmd = /usr/bin/app --port 80",
                "args = --verbose",
                "working_dir = /srv/app",
                "uid = app",
                "gid = 33",
                "numprocesses = 4",
                "warmup_delay = 0.5",
                "executable = /usr/bin/app-real",
                "shell = true",
                "shell_args = -e",
                "send_hup = yes",
                "stop_signal = QUIT",
                "stop_children = on",
                "max_retry = -1",
                "graceful_timeout = 12.5",
                "priority = 7",
                "singleton = false",
                "use_sockets = true",
                "copy_env = true",
                "copy_path = true",
                "respawn = false",
                "autostart = false",
                "close_child_stdin = false",
                "close_child_stdout = true",
                "close_child_stderr = 1",
                "on_demand = true",
                "max_age = 3600",
                "max_age_variance = 60",
                "check_flapping = off",
                "virtualenv = /opt/venv",
                "virtualenv_py_ver = 3.11",
                "stdin_socket = Feed",
                "hooks.before_start = java:com.example.Check, true",
                "hooks.after_reap = java:com.example.Hooks#audit",
                "rlimit_nofile = 4096",
                "rlimit_core =",
                "stdout_stream.class = FileStream",
                "stdout_stream.filename = /var/log/app.out",
                "stderr_stream.filename = /var/log/app.err",
                "flapping.max_retry = 3",
                "[socket:feed]", "path = /run/feed.sock");
        WatcherConfig expected = WatcherConfig.builder("full", "/usr/bin/app --port 80")
                .args("--verbose").workingDir("/srv/app").uid("app").gid("33").numProcesses(4)
                .warmupDelay(Duration.ofMillis(500)).executable("/usr/bin/app-real").shell(true).shellArgs("-e")
                .sendHup(true).stopSignal(Signal.QUIT).stopChildren(true).maxRetry(-1)
                .gracefulTimeout(Duration.ofMillis(12_500)).priority(7).singleton(false).useSockets(true)
                .copyEnv(true).copyPath(true).respawn(false).autostart(false).closeChildStdin(false)
                .closeChildStdout(true).closeChildStderr(true).onDemand(true).maxAge(Duration.ofHours(1))
                .maxAgeVariance(Duration.ofMinutes(1)).stdinSocket("feed")
                .hook("before_start", new HookConfig("java:com.example.Check", true))
                .hook("after_reap", new HookConfig("java:com.example.Hooks#audit", false))
                .rlimit(Rlimit.NOFILE, 4096).rlimit(Rlimit.CORE, Rlimit.INFINITY)
                .stdoutStream(new StreamConfig("FileStream", Map.of("filename", "/var/log/app.out")))
                .stderrStream(new StreamConfig("FileStream", Map.of("filename", "/var/log/app.err")))
                .extra("check_flapping", "false").extra("virtualenv", "/opt/venv").extra("virtualenv_py_ver", "3.11")
                .extra("flapping.max_retry", "3").env(IniFixture.ENV)
                .build();
        assertEquals(expected, watcher(c, "full"));
        assertEquals(List.of(), c.warnings());
        assertEquals(false, WatcherOptions.toOptions(watcher(c, "full")).get("check_flapping"));
    }

    @Test
    void circusDefaults() throws Exception {
        WatcherConfig w = watcher(new IniFixture(tmp).loadLines("[watcher:w]", "cmd = sleep 1"), "w");
        assertEquals(WatcherConfig.builder("w", "sleep 1").build(), w);
        assertEquals(Signal.TERM, w.stopSignal());
        assertEquals(Duration.ofSeconds(30), w.gracefulTimeout());
        assertEquals(5, w.maxRetry());
        assertEquals(Duration.ofSeconds(30), w.maxAgeVariance());
    }

    @Test
    void shellArgsWithoutShellAndZeroProcessesAreWarnings() throws Exception {
        CircusConfig c = new IniFixture(tmp).loadLines("[watcher:web3]", "cmd = foo", "args = --fd", "shell = false",
                "shell_args = bar baz qux", "numprocesses = 0", "[watcher:one]", "cmd = x", "singleton = true",
                "numprocesses = 0");
        assertEquals("bar baz qux", watcher(c, "web3").shellArgs());
        assertWarning(c, "[watcher:web3] shell_args: line 5: ignored because shell is false");
        assertWarning(c, "[watcher:web3] numprocesses: 0: the watcher will not start any process");
        assertNoWarning(c, "[watcher:one]");
    }

    @Test
    void watchersAreSortedByName() throws Exception {
        CircusConfig c = new IniFixture(tmp).loadLines("[watcher:b]", "cmd = x", "[watcher:B]", "cmd = x",
                "name = c", "[watcher:a]", "cmd = x");
        assertEquals(List.of("a", "b", "c"), c.watchers().stream().map(WatcherConfig::name).toList());
    }

    @Test
    void misspeltStreamAndHookPrefixesAreHinted() throws Exception {
        CircusConfig c = new IniFixture(tmp).loadLines("[watcher:w]", "cmd = x", "stdout_steam.filename = /tmp/x",
                "hook.before_start = a.B", "graceful_timout = 3", "max_retrys = 2");
        WatcherConfig w = watcher(c, "w");
        assertEquals(StreamConfig.NONE, w.stdoutStream());
        assertWarning(c, "stdout_steam.filename", "did you mean 'stdout_stream.filename'?");
        assertWarning(c, "hook.before_start", "did you mean 'hooks.before_start'?");
        assertWarning(c, "graceful_timout", "did you mean 'graceful_timeout'?");
        assertWarning(c, "max_retrys", "did you mean 'max_retry'?");
    }
}
