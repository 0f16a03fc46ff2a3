package io.circus.config;

import static io.circus.config.IniFixture.watcher;
import static io.circus.config.IniFixture.assertNoWarning;
import static io.circus.config.IniFixture.assertWarning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line rules of Circus's StrictConfigParser, as checked against Python 3.11 running it. */
class IniSyntaxTest {

    @TempDir
    Path tmp;

    private IniFixture ini() {
        return new IniFixture(tmp);
    }

    @Test
    void bothDelimitersAndTheFirstOneSplits() throws Exception {
        WatcherConfig w = watcher(ini().loadLines(
                "[watcher:a]",
                "cmd: run --opt=x:y",
                "args = --url=http://h:1/"), "a");
        assertEquals("run --opt=x:y", w.cmd());
        assertEquals("--url=http://h:1/", w.args());
    }

    @Test
    void colonBeforeEqualsInTheValueIsKept() throws Exception {
        // ini4j's own operator search loses this line; our lexer splits at the first delimiter.
        WatcherConfig w = watcher(ini().loadLines("[watcher:a]", "cmd: echo a=b"), "a");
        assertEquals("echo a=b", w.cmd());
    }

    @Test
    void commentsInColumnZeroAndRemLinesAreSkipped() throws Exception {
        WatcherConfig w = watcher(ini().loadLines(
                "# hash comment",
                "; semicolon comment",
                "[watcher:a]",
                "rem a remark",
                "REM another",
                "cmd = sleep 1",
                "remark = 5"), "a");
        assertEquals("sleep 1", w.cmd());
        assertEquals("5", w.extra().get("remark"));
        assertEquals(1, w.extra().size());
    }

    @Test
    void inlineSemicolonOnlyAfterWhitespaceAndOnlyTheFirst() throws Exception {
        WatcherConfig w = watcher(ini().loadLines(
                "[watcher:a]",
                "cmd = sleep 1 ; a comment",
                "args = a;b ; c",
                "x = ;y",
                "y = #not a comment"), "a");
        assertEquals("sleep 1", w.cmd());
        assertEquals("a;b ; c", w.args());
        assertEquals(";y", w.extra().get("x"));
        assertEquals("#not a comment", w.extra().get("y"));
    }

    @Test
    void continuationLinesAreJoinedWithNewlines() throws Exception {
        WatcherConfig w = watcher(ini().loadLines(
                "[watcher:a]",
                "cmd = sleep 1",
                "m =",
                "  one",
                "",
                "# a comment between",
                "  two ; kept",
                "  # indented hash is text",
                "args = --x"), "a");
        assertEquals("\none\ntwo ; kept\n# indented hash is text", w.extra().get("m"));
        assertEquals("--x", w.args());
    }

    @Test
    void doubleQuotesAloneMeanEmpty() throws Exception {
        WatcherConfig w = watcher(ini().loadLines("[watcher:a]", "cmd = x", "args = \"\"", "q = \"a\""), "a");
        assertEquals("", w.args());
        assertEquals("\"a\"", w.extra().get("q"));
    }

    @Test
    void firstDefinitionWinsAndRepeatedSectionsMerge() throws Exception {
        CircusConfig c = ini().loadLines(
                "[watcher:a]",
                "cmd = first",
                "cmd = second",
                "  continuation of the ignored one",
                "[circus]",
                "check_delay = 2",
                "[watcher:a]",
                "cmd = third",
                "numprocesses = 4");
        WatcherConfig w = watcher(c, "a");
        assertEquals("first", w.cmd());
        assertEquals(4, w.numProcesses());
        assertEquals(1, c.watchers().size());
    }

    @Test
    void sectionNamesAreCaseSensitiveAndKeepTheirCase() throws Exception {
        CircusConfig c = ini().loadLines(
                "[watcher:Web]", "cmd = x",
                "[Watcher:other]", "cmd = y");
        assertEquals(1, c.watchers().size());
        assertEquals("Web", c.watchers().get(0).name());
        assertWarning(c, "[Watcher:other]", "unknown section", "did you mean [watcher:other]");
    }

    @Test
    void keysAreCaseSensitiveAndAMisspeltOneIsKeptWithAWarning() throws Exception {
        CircusConfig c = ini().loadLines("[watcher:a]", "cmd = x", "NumProcesses = 7", "numprocesess = 2",
                "flapping.max_retry = 3");
        WatcherConfig w = watcher(c, "a");
        assertEquals(1, w.numProcesses());
        assertEquals("7", w.extra().get("NumProcesses"));
        assertEquals("3", w.extra().get("flapping.max_retry"));
        assertWarning(c, "circus.ini: [watcher:a] NumProcesses: line 3", "case-sensitive, did you mean 'numprocesses'");
        assertWarning(c, "[watcher:a] numprocesess: line 4", "did you mean 'numprocesses'");
        assertNoWarning(c, "flapping.max_retry");
    }

    @Test
    void defaultSectionIsMergedIntoOtherSectionsButSectionValuesWin() throws Exception {
        CircusConfig c = ini().loadLines(
                "[DEFAULT]", "numprocesses = 3", "check_delay = 7",
                "[circus]", "check_delay = 2",
                "[watcher:a]", "cmd = x",
                "[watcher:b]", "cmd = y", "numprocesses = 1",
                "[plugin:p]", "use = com.example.P",
                "[env]", "A = 1");
        assertEquals(3, watcher(c, "a").numProcesses());
        assertEquals(1, watcher(c, "b").numProcesses());
        assertEquals(2, c.global().checkDelay().getSeconds());
        assertEquals("3", c.plugins().get(0).options().get("numprocesses"));
        // Our choice: [DEFAULT] keys do not become environment variables.
        assertEquals(java.util.Map.of("A", "1"), c.env());
        assertFalse(watcher(c, "a").env().containsKey("numprocesses"));
        // Keys meant for watchers are not reported as unknown [circus] options.
        assertNoWarning(c, "[circus] numprocesses");
    }

    @Test
    void noNameLeakIntoOptionsOrEnvironment() throws Exception {
        WatcherConfig w = watcher(ini().loadLines("[watcher:a]", "cmd = x", "[env]", "A = 1"), "a");
        assertFalse(w.extra().containsKey("__name__"));
        assertFalse(w.env().containsKey("__name__"));
        assertFalse(WatcherOptions.toOptions(w).containsKey("__name__"));
    }

    @Test
    void indentedOptionDirectlyAfterAHeaderIsAnOption() throws Exception {
        WatcherConfig w = watcher(ini().loadLines("[watcher:a]", "   cmd = x"), "a");
        assertEquals("x", w.cmd());
    }

    @Test
    void indentedOptionAfterAValueIsAContinuationWithAWarning() throws Exception {
        CircusConfig c = ini().loadLines("[watcher:a]", "cmd = sleep 5", "  numprocesses = 3");
        WatcherConfig w = watcher(c, "a");
        assertEquals("sleep 5\nnumprocesses = 3", w.cmd());
        assertEquals(1, w.numProcesses());
        assertWarning(c, "[watcher:a] cmd: line 3: the indented line 'numprocesses");
    }

    @Test
    void sectionHeaderIsTrimmedAndTextAfterTheLastBracketIgnored() throws Exception {
        CircusConfig c = ini().loadLines("[watcher:web ] ; a note", "cmd = x");
        assertEquals("web", c.watchers().get(0).name());
    }

    @Test
    void byteOrderMarkAndCrLfAreAccepted() throws Exception {
        Path p = tmp.resolve("bom.ini");
        Files.write(p, "\uFEFF[watcher:a]\r\ncmd = x\r\nargs = y\r\n".getBytes(StandardCharsets.UTF_8));
        WatcherConfig w = watcher(ConfigLoader.load(p, IniFixture.ENV), "a");
        assertEquals("x", w.cmd());
        assertEquals("y", w.args());
    }

    @Test
    void unicodeBackslashesAndSpecialCharactersSurviveIni4j() throws Exception {
        WatcherConfig w = watcher(ini().loadLines(
                "[watcher:é/ü]",
                "cmd = printf 'caf\\u00e9 \\\\n \\t' [x] = y",
                "path\\key = C:\\dir\\n"), "é/ü");
        assertEquals("printf 'caf\\u00e9 \\\\n \\t' [x] = y", w.cmd());
        assertEquals("C:\\dir\\n", w.extra().get("path\\key"));
    }

    @Test
    void emptyValueIsEmpty() throws Exception {
        WatcherConfig w = watcher(ini().loadLines("[watcher:a]", "cmd = x", "working_dir =", "args ="), "a");
        assertNull(w.workingDir());
        assertEquals("", w.args());
    }

    @Test
    void emptySectionsAreSkipped() throws Exception {
        CircusConfig c = ini().loadLines("[plugin:test_plugin]", "", "[socket:test_socket]", "[watcher:w]");
        assertTrue(c.plugins().isEmpty());
        assertTrue(c.sockets().isEmpty());
        assertTrue(c.watchers().isEmpty());
        assertWarning(c, "[watcher:w]: empty section, ignored");
    }
}
