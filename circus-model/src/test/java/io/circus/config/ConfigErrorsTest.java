package io.circus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad file, section, key or value is fatal and says where: file, section, key and value. */
class ConfigErrorsTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("watcher:w", "numprocesses", "abc", "expected an integer >= 0"),
                Arguments.of("watcher:w", "numprocesses", "-1", "expected an integer >= 0"),
                Arguments.of("watcher:w", "stop_signal", "SIGFOO", "expected a signal name or number"),
                Arguments.of("watcher:w", "graceful_timeout", "x", "expected a number of seconds"),
                Arguments.of("watcher:w", "respawn", "maybe", "expected a boolean"),
                Arguments.of("watcher:w", "rlimit_foo", "1", "unknown resource limit 'foo'"),
                Arguments.of("watcher:w", "rlimit_nofile", "lots", "expected an integer limit"),
                Arguments.of("watcher:w", "hooks.before_strat", "a.B", "unknown hook 'before_strat'"),
                Arguments.of("watcher:w", "max_retry", "-3", "expected an integer >= -1"),
                Arguments.of("watcher:w", "warmup_delay", "1s", "expected a number of seconds"),
                Arguments.of("watcher:w", "stdout_stream", "FileStream", "expected stdout_stream.<key> = value"),
                Arguments.of("socket:s", "port", "http", "expected an integer"),
                Arguments.of("socket:s", "port", "70000", "expected a port number 0..65535"),
                Arguments.of("socket:s", "family", "AF_FOO", "expected one of AF_INET, AF_INET6, AF_UNIX"),
                Arguments.of("socket:s", "type", "SOCK_FOO", "expected one of SOCK_DGRAM"),
                Arguments.of("socket:s", "proto", "nonsense", "unknown protocol"),
                Arguments.of("socket:s", "blocking", "sometimes", "expected a boolean"),
                Arguments.of("socket:s", "umask", "-1", "expected a decimal umask 0..511"),
                Arguments.of("circus", "check_delay", "soon", "expected a number of seconds"),
                Arguments.of("circus", "umask", "9", "expected an octal umask"),
                Arguments.of("circus", "loglevel", "loud", "expected one of critical, error, warning, info, debug"),
                Arguments.of("circus", "jmx_port", "70000", "expected a port number up to 65535"),
                Arguments.of("circus", "statsd", "maybe", "expected a boolean"),
                Arguments.of("circus", "endpoint", "\"\"", "expected a non-empty value"),
                Arguments.of("circus", "endpoint", "tcp://127.0.0.1:99999", "port 99999 is out of range (0-65535)"),
                Arguments.of("circus", "pubsub_endpoint", "tcp://127.0.0.1", "a tcp endpoint needs a port"),
                Arguments.of("circus", "stats_endpoint", "127.0.0.1:5557", "expected transport://address"),
                Arguments.of("watcher:w", "args", "--name 'unterminated", "no closing quotation"),
                Arguments.of("watcher:w", "stdout_stream.class", "NopeStream", "unknown stream class"),
                Arguments.of("circus", "stats_interval", "0", "expected a number of seconds > 0"),
                Arguments.of("plugin:p", "priority", "high", "expected an integer"));
    }

    @ParameterizedTest(name = "[{0}] {1} = {2}")
    @MethodSource("badValues")
    void badValueNamesFileSectionKeyAndValue(String section, String key, String value, String problem) {
        IniFixture f = new IniFixture(tmp);
        String extra = section.startsWith("watcher") ? "cmd = sleep 1" : section.startsWith("plugin") ? "use = a.B" : "";
        ConfigException e = f.failLines("[" + section + "]", extra, key + " = " + value);
        String shown = value.equals("\"\"") ? "" : value;
        assertEquals(tmp.resolve("circus.ini"), e.file());
        assertEquals(section, e.section());
        assertEquals(key, e.key());
        assertEquals(shown, e.value());
        String prefix = tmp.resolve("circus.ini") + ": [" + section + "] " + key + " = '" + shown + "': line 3: ";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void substitutedValuesShowWhatWasWritten() {
        ConfigException e = new IniFixture(tmp).failLines("[watcher:w]", "cmd = x", "numprocesses = $(circus.env.N)",
                "[env]", "N = many");
        assertEquals("many", e.value());
        assertTrue(e.getMessage().endsWith("expected an integer >= 0 (written as '$(circus.env.N)')"), e.getMessage());
    }

    @Test
    void inheritedValuesSayWhereTheyComeFrom() {
        ConfigException e = new IniFixture(tmp).failLines("[DEFAULT]", "numprocesses = x", "[watcher:w]", "cmd = y");
        assertEquals("watcher:w", e.section());
        assertTrue(e.getMessage().contains("line 2: expected an integer >= 0 (inherited from [DEFAULT])"), e.getMessage());
    }

    @Test
    void missingFile() {
        Path missing = tmp.resolve("nope.ini");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing, IniFixture.ENV));
        assertEquals(missing, e.file());
        assertEquals(missing + ": the configuration file does not exist", e.getMessage());
    }

    @Test
    void noSectionHeader() {
        ConfigException e = new IniFixture(tmp).failLines("# comment", "cmd = sleep 1", "[watcher:w]");
        assertNull(e.section());
        assertEquals(tmp.resolve("circus.ini") + ": line 2: 'cmd = sleep 1' comes before any [section] header",
                e.getMessage());
    }

    @Test
    void unparsableLinesAreAllListed() {
        ConfigException e = new IniFixture(tmp).failLines("[watcher:w]", "cmd = x", "just words", "= value", "[]");
        assertTrue(e.getMessage().contains("line 3: 'just words', line 4: '= value', line 5: '[]'"), e.getMessage());
    }

    @Test
    void watcherWithoutName() {
        ConfigException e = new IniFixture(tmp).failLines("[watcher:]", "cmd = x");
        assertEquals("watcher:", e.section());
        assertTrue(e.getMessage().endsWith("[watcher:]: the watcher has no name"), e.getMessage());
    }

    @Test
    void watcherWithoutCmd() {
        ConfigException e = new IniFixture(tmp).failLines("[watcher:w]", "numprocesses = 2");
        assertEquals("watcher:w", e.section());
        assertTrue(e.getMessage().endsWith("circus.ini: [watcher:w]: the section has no cmd: a watcher needs a command"),
                e.getMessage());
    }

    /** Split at every spawn, so an unclosed quote would fail every spawn and never the load. */
    @Test
    void unterminatedQuoteInCmd() throws ConfigException {
        ConfigException e = new IniFixture(tmp).failLines("[watcher:w]", "cmd = sleep \"100");
        assertEquals("cmd", e.key());
        assertTrue(e.getMessage().endsWith("[watcher:w] cmd = 'sleep \"100': line 2: no closing quotation"), e.getMessage());
        // With shell = true the shell parses the command: not ours to judge.
        new IniFixture(tmp).loadLines("[watcher:w]", "cmd = echo \"x", "shell = true");
    }

    @Test
    void singletonWithSeveralProcesses() {
        ConfigException e = new IniFixture(tmp).failLines("[watcher:w]", "cmd = x", "singleton = true",
                "numprocesses = 3");
        assertEquals("numprocesses", e.key());
        assertEquals("3", e.value());
        assertTrue(e.getMessage().contains("line 4: a singleton watcher cannot have 3 processes"), e.getMessage());
    }

    @Test
    void copyPathWithoutCopyEnv() {
        ConfigException e = new IniFixture(tmp).failLines("[watcher:w]", "cmd = x", "copy_path = true");
        assertEquals("copy_path", e.key());
        assertTrue(e.getMessage().contains("line 3: copy_path requires copy_env = true"), e.getMessage());
    }

    @Test
    void streamWithoutClassOrFilename() {
        ConfigException e = new IniFixture(tmp).failLines("[watcher:w]", "cmd = x", "stderr_stream.max_bytes = 10");
        assertEquals("stderr_stream.class", e.key());
    }

    @Test
    void stdinSocketMustExist() {
        ConfigException e = new IniFixture(tmp).failLines("[watcher:w]", "cmd = x", "stdin_socket = web",
                "[socket:other]", "port = 0");
        assertEquals("stdin_socket", e.key());
        assertTrue(e.getMessage().contains("no [socket:web] section"), e.getMessage());
    }

    @Test
    void watcherNamesDifferingOnlyInCase() {
        ConfigException e = new IniFixture(tmp).failLines("[watcher:Web]", "cmd = x", "[watcher:web]", "cmd = y");
        assertEquals("watcher:web", e.section());
        assertTrue(e.getMessage().contains("already used by [watcher:Web]"), e.getMessage());
    }

    @Test
    void socketNamesDifferingOnlyInCase() {
        ConfigException e = new IniFixture(tmp).failLines("[socket:Web]", "port = 1", "[socket:web]", "port = 2");
        assertTrue(e.getMessage().contains("socket name 'web' is already used by [socket:Web]"), e.getMessage());
    }

    @Test
    void sectionLevelErrors() {
        assertTrue(new IniFixture(tmp).failLines("[socket:]", "port = 1").getMessage().endsWith("the socket has no name"));
        assertTrue(new IniFixture(tmp).failLines("[socket:u]", "family = AF_UNIX").getMessage()
                .endsWith("[socket:u] family = 'AF_UNIX': AF_UNIX needs a path"));
        ConfigException noUse = new IniFixture(tmp).failLines("[plugin:p]", "priority = 2");
        assertEquals("use", noUse.key());
        ConfigException pattern = new IniFixture(tmp).failLines("[env:[z-a]]", "A = 1");
        assertEquals("env:[z-a]", pattern.section());
        assertTrue(pattern.getMessage().contains("invalid pattern '[z-a]'"), pattern.getMessage());
    }

    @Test
    void invalidUtf8() throws Exception {
        Path p = tmp.resolve("latin1.ini");
        java.nio.file.Files.write(p, new byte[] {'[', 'w', ']', '\n', 'a', '=', (byte) 0xe9, '\n'});
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(p, IniFixture.ENV));
        assertEquals(p + ": [w]: line 2, column 3: the file is not valid UTF-8 (byte 0xe9 at offset 6)", e.getMessage());
    }
}
