package io.circus.config;

import static io.circus.config.IniFixture.assertWarning;
import static io.circus.config.IniFixture.watcher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** include / include_dir: Circus's tests/config include fixtures, plus precedence and errors. */
class IncludeTest {

    @TempDir
    Path tmp;

    private IniFixture circusFixtures() {
        IniFixture f = new IniFixture(tmp);
        f.write("included-bar.ini", "[watcher:bar]", "cmd = sleep 120", "numprocesses = 5");
        f.write("included-foo.ini", "[watcher:foo]", "cmd = sleep 120", "numprocesses = 5");
        f.write("included/barbaz.ini", "[circus]", "check_delay = 2", "", "[watcher:barbaz]", "cmd = sleep 120");
        f.write("included/foobar.ini", "[watcher:foobar]", "cmd = sleep 120", "", "[env:server]", "INI = private.ini");
        f.write("multiple_wildcard/subsubdir1/barbaz.ini", "[watcher:barbaz]", "cmd = sleep 120", "",
                "[env:server]", "INI = public.ini");
        f.write("multiple_wildcard/subsubdir2/foobar.ini", "[circus]", "check_delay = 555", "",
                "[watcher:foobar]", "cmd = sleep 120");
        return f;
    }

    @Test
    void includeGlobAndIncludeDirGiveFourWatchers() throws Exception {
        IniFixture f = circusFixtures();
        f.write("include.ini", "[circus]", "include = included-*.ini", "include_dir = included");
        CircusConfig c = f.load("include.ini");
        assertEquals(List.of("bar", "barbaz", "foo", "foobar"), c.watchers().stream().map(WatcherConfig::name).toList());
        // include patterns first (sorted), then include_dir; the main file first of all.
        assertEquals(List.of(tmp.resolve("include.ini"), tmp.resolve("included-bar.ini"), tmp.resolve("included-foo.ini"),
                tmp.resolve("included/barbaz.ini"), tmp.resolve("included/foobar.ini")), c.files());
        assertEquals(Duration.ofSeconds(2), c.global().checkDelay());
    }

    @Test
    void mainFileBeatsIncludesWhichStillAddWhatItLacks() throws Exception {
        IniFixture f = circusFixtures();
        f.write("multiple_wildcard.ini", "[circus]", "include = multiple_wildcard/*/*.ini", "",
                "[watcher:server]", "cmd = sleep 120", "numprocesses = 5", "", "[env:server]", "INI = private.ini");
        CircusConfig c = f.load("multiple_wildcard.ini");
        assertEquals(3, c.watchers().size());
        assertEquals("private.ini", watcher(c, "server").env().get("INI"));
        assertEquals(Duration.ofSeconds(555), c.global().checkDelay());
    }

    @Test
    void earlierIncludesBeatLaterOnes() throws Exception {
        IniFixture f = new IniFixture(tmp);
        f.write("conf.d/10-a.ini", "[watcher:w]", "cmd = from-a", "numprocesses = 2");
        f.write("conf.d/20-b.ini", "[watcher:w]", "cmd = from-b", "numprocesses = 9", "priority = 4");
        f.write("main.ini", "[circus]", "include_dir = conf.d", "[watcher:w]", "numprocesses = 1");
        WatcherConfig w = watcher(f.load("main.ini"), "w");
        assertEquals("from-a", w.cmd());
        assertEquals(1, w.numProcesses());
        assertEquals(4, w.priority());
    }

    @Test
    void patternsAreSubstitutedWithTheDaemonEnvironmentAndSplitOnWhitespace() throws Exception {
        IniFixture f = new IniFixture(tmp);
        f.write("x/one.ini", "[watcher:one]", "cmd = a");
        f.write("y/two.ini", "[watcher:two]", "cmd = b");
        f.write("main.ini", "[circus]", "include = $(circus.env.SUB)/*.ini", "   y/two.ini");
        CircusConfig c = f.load("main.ini", java.util.Map.of("SUB", "x"));
        assertEquals(List.of("one", "two"), c.watchers().stream().map(WatcherConfig::name).toList());
    }

    @Test
    void patternMatchingNothingIsOnlyAWarning() throws Exception {
        IniFixture f = new IniFixture(tmp);
        f.write("empty/readme.txt", "not ini");
        f.write("main.ini", "[circus]", "include = garbage*.ini", "include_dir = empty", "[watcher:w]", "cmd = x");
        CircusConfig c = f.load("main.ini");
        assertEquals(1, c.watchers().size());
        assertWarning(c, "main.ini: [circus] include: line 2: '" + tmp.resolve("garbage*.ini") + "' does not match any file");
        assertWarning(c, "[circus] include_dir: line 3", "does not match any file");
    }

    @Test
    void missingIncludeDirectoryIsAnError() {
        IniFixture f = new IniFixture(tmp);
        f.write("main.ini", "[circus]", "include_dir = nowhere");
        ConfigException e = assertThrows(ConfigException.class, () -> f.load("main.ini"));
        assertEquals("include_dir", e.key());
        assertEquals("nowhere", e.value());
        assertTrue(e.getMessage().startsWith(tmp.resolve("main.ini") + ": [circus] include_dir = 'nowhere': line 2:"),
                e.getMessage());
    }

    @Test
    void globUnderAMissingDirectoryIsAnError() {
        IniFixture f = new IniFixture(tmp);
        f.write("main.ini", "[circus]", "include = missing/*.ini");
        ConfigException e = assertThrows(ConfigException.class, () -> f.load("main.ini"));
        assertEquals("include", e.key());
        assertTrue(e.getMessage().contains("directory '" + tmp.resolve("missing") + "' does not exist"), e.getMessage());
    }

    @Test
    void includesInsideIncludedFilesAreIgnoredWithAWarning() throws Exception {
        IniFixture f = new IniFixture(tmp);
        f.write("second.ini", "[watcher:never]", "cmd = x");
        f.write("first.ini", "[circus]", "include = second.ini", "[watcher:first]", "cmd = x");
        f.write("main.ini", "[circus]", "include = first.ini");
        CircusConfig c = f.load("main.ini");
        assertEquals(List.of("first"), c.watchers().stream().map(WatcherConfig::name).toList());
        assertWarning(c, "first.ini: [circus] include: line 2: ignored");
    }

    @Test
    void theMainFileIsNotReadTwiceAndHiddenFilesAreSkipped() throws Exception {
        IniFixture f = new IniFixture(tmp);
        f.write(".hidden.ini", "[watcher:hidden]", "cmd = x");
        f.write("other.ini", "[watcher:other]", "cmd = x");
        f.write("main.ini", "[circus]", "include = *.ini");
        CircusConfig c = f.load("main.ini");
        assertEquals(List.of(tmp.resolve("main.ini"), tmp.resolve("other.ini")), c.files());
        assertEquals(List.of("other"), c.watchers().stream().map(WatcherConfig::name).toList());
    }

    @Test
    void aBrokenIncludedFileIsAnErrorNamingThatFile() {
        IniFixture f = new IniFixture(tmp);
        f.write("bad.ini", "[watcher:w]", "cmd = x", "numprocesses = many");
        f.write("main.ini", "[circus]", "include = bad.ini");
        ConfigException e = assertThrows(ConfigException.class, () -> f.load("main.ini"));
        assertEquals(tmp.resolve("bad.ini"), e.file());
        assertEquals("watcher:w", e.section());
    }
}
