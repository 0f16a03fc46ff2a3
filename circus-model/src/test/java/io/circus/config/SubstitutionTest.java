package io.circus.config;

import static io.circus.config.IniFixture.watcher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** $(circus.X) and ((circus.X)): the substitutor itself and where the loader applies it (inventory 5.6). */
class SubstitutionTest {

    @TempDir
    Path tmp;

    @Test
    void bothFormsCaseInsensitiveUnknownKeptVerbatim() {
        Map<String, Object> options = Map.of("env", Map.of("HOME", "/home/op"), "wid", 3,
                "sockets", Map.of("some-socket", 7));
        assertEquals("/home/op /home/op /home/op", VariableSubstitutor.substitute(
                "$(circus.env.HOME) $(CIRCUS.ENV.home) ((Circus.Env.Home))", options));
        assertEquals("--fd 7 --wid 3", VariableSubstitutor.substitute(
                "--fd $(circus.sockets.some-socket) --wid ((circus.wid))", options));
        assertEquals("$(circus.me) ((circus.env.nope)) $(other.x) $(circus.)", VariableSubstitutor.substitute(
                "$(circus.me) ((circus.env.nope)) $(other.x) $(circus.)", options));
    }

    @Test
    void laterMapEntriesWinWhenNamesDifferOnlyInCase() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "first");
        env.put("path", "second");
        assertEquals("second", VariableSubstitutor.substituteEnv("$(circus.env.Path)", env));
    }

    @Test
    void valuesAreWrittenAsPythonWouldAndDollarsAreSafe() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("shell", true);
        options.put("executable", null);
        options.put("cmd", "a$1\\b");
        assertEquals("True None a$1\\b", VariableSubstitutor.substitute(
                "$(circus.shell) $(circus.executable) $(circus.cmd)", options));
    }

    @Test
    void watcherValuesUseTheMostSpecificEnvironment() throws Exception {
        IniFixture f = new IniFixture(tmp);
        f.write("circus.ini",
                "[watcher:my_app]",
                "cmd = run --home $(circus.env.HOME) --wid $(circus.wid) --fd $(circus.sockets.web)",
                "uid = $(circus.env.circus_uid)",
                "gid = ((circus.env.circus_gid))",
                "numprocesses = $(circus.env.N)",
                "stdout_stream.filename = $(circus.env.LOGDIR)/echo.log",
                "flapping.window = $(circus.env.WINDOW)",
                "[env]", "circus_uid = tarek", "circus_gid = nobody", "N = 2",
                "[env:my_app]", "circus_gid = root", "N = 3",
                "[env:*]", "LOGDIR = /tmp");
        Map<String, String> daemon = new LinkedHashMap<>(IniFixture.ENV);
        daemon.put("circus_uid", "daemon-uid");
        daemon.put("WINDOW", "60");
        WatcherConfig w = watcher(f.load("circus.ini", daemon), "my_app");
        assertEquals("run --home /home/op --wid $(circus.wid) --fd $(circus.sockets.web)", w.cmd());
        assertEquals("tarek", w.uid());
        assertEquals("root", w.gid());
        assertEquals(3, w.numProcesses());
        assertEquals("/tmp/echo.log", w.stdoutStream().options().get("filename"));
        assertEquals("FileStream", w.stdoutStream().className());
        assertEquals("60", w.extra().get("flapping.window"));
    }

    @Test
    void cmdFromTheDaemonEnvironmentWithoutAnyEnvSection() throws Exception {
        WatcherConfig w = watcher(new IniFixture(tmp).loadLines("[watcher:w]", "cmd = $(circus.env.GRAVITY)"), "w");
        assertEquals("down", w.cmd());
    }

    @Test
    void circusSocketAndPluginSectionsSeeDaemonAndEnvSection() throws Exception {
        Map<String, String> daemon = new LinkedHashMap<>(IniFixture.ENV);
        daemon.put("circus_statsd", "1");
        daemon.put("circus_stats_endpoint", "tcp://0.0.0.0:9876");
        IniFixture f = new IniFixture(tmp);
        f.write("circus.ini",
                "[circus]",
                "endpoint = tcp://127.0.0.1:$(circus.env.ENDPOINT_PORT)",
                "stats_endpoint = $(circus.env.circus_stats_endpoint)",
                "statsd = $(circus.env.circus_statsd)",
                "[socket:bad]", "path = /var/run/$(circus.env.BAD_PATH)",
                "[plugin:breaking]", "use = bad.has.been.$(circus.env.WHAT)",
                "[env]", "ENDPOINT_PORT = 1234", "BAD_PATH = broken.sock", "WHAT = broken");
        CircusConfig c = f.load("circus.ini", daemon);
        assertEquals("tcp://127.0.0.1:1234", c.global().endpoint());
        assertEquals("tcp://0.0.0.0:9876", c.global().statsEndpoint());
        assertTrue(c.global().statsd());
        assertEquals("/var/run/broken.sock", c.sockets().get(0).path());
        assertEquals("bad.has.been.broken", c.plugins().get(0).use());
    }

    @Test
    void envValuesAreExpandedBeforeOtherSectionsUseThem() throws Exception {
        CircusConfig c = new IniFixture(tmp).loadLines(
                "[circus]", "pidfile = $(circus.env.RUN)/circusd.pid",
                "[watcher:w]", "cmd = $(circus.env.BIN)/run",
                "[env]", "RUN = $HOME/run",
                "[env:w]", "BIN = $HOME/bin");
        assertEquals("/home/op/run/circusd.pid", c.global().pidfile());
        assertEquals("/home/op/bin/run", watcher(c, "w").cmd());
    }

    @Test
    void theNameIsNeverSubstituted() throws Exception {
        CircusConfig c = new IniFixture(tmp).loadLines("[watcher:a]", "cmd = x", "name = $(circus.env.USER)");
        assertEquals("$(circus.env.USER)", c.watchers().get(0).name());
    }
}
