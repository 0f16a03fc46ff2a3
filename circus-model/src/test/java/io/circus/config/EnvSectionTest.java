package io.circus.config;

import static io.circus.config.IniFixture.assertWarning;
import static io.circus.config.IniFixture.watcher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** [env], [env:PATTERNS], $NAME expansion and copy_env (inventory 5.5 and 5.7). */
class EnvSectionTest {

    @TempDir
    Path tmp;

    private static final String[] ENV_SECTION_INI = {
        "[watcher:watcher1]", "cmd = boo",
        "[watcher:watcher2]", "cmd = boo",
        "[watcher:other]", "cmd = boo",
        "[env:watcher1]", "CAKE = lie",
        "[env:watcher2]", "LIE = cake",
        "[env:watcher1,watcher2]", "PATH = $PATH:/bin",
        "[env]", "TEST1 = test1",
        "[env:wat*]", "TEST2 = test2",
        "[env:*]", "TEST3 = test3",
    };

    @Test
    void circusEnvSectionFixture() throws Exception {
        CircusConfig c = new IniFixture(tmp).loadLines(ENV_SECTION_INI);
        assertEquals(Map.of("CAKE", "lie", "PATH", "/usr/bin:/bin:/bin", "TEST1", "test1", "TEST2", "test2",
                "TEST3", "test3"), watcher(c, "watcher1").env());
        assertEquals(Map.of("LIE", "cake", "PATH", "/usr/bin:/bin:/bin", "TEST1", "test1", "TEST2", "test2",
                "TEST3", "test3"), watcher(c, "watcher2").env());
        assertEquals(Map.of("TEST1", "test1", "TEST3", "test3"), watcher(c, "other").env());
        assertEquals(Map.of("TEST1", "test1"), c.env());
    }

    @Test
    void laterSectionsOverrideEarlierOnesAndEnvIsTheBase() throws Exception {
        CircusConfig c = new IniFixture(tmp).loadLines(
                "[watcher:web]", "cmd = x",
                "[env:*]", "LEVEL = star", "ONLY_STAR = 1",
                "[env]", "LEVEL = global", "BASE = b",
                "[env:w?b]", "LEVEL = specific",
                "[env:[!x]eb]", "CLASS = yes");
        Map<String, String> env = watcher(c, "web").env();
        assertEquals("specific", env.get("LEVEL"));
        assertEquals("1", env.get("ONLY_STAR"));
        assertEquals("b", env.get("BASE"));
        assertEquals("yes", env.get("CLASS"));
    }

    @Test
    void copyEnvStartsFromTheDaemonEnvironment() throws Exception {
        Map<String, String> daemon = new HashMap<>(IniFixture.ENV);
        daemon.put("BAM", "1");
        IniFixture f = new IniFixture(tmp);
        f.write("circus.ini", "[watcher:watcher1]", "cmd = boo", "[watcher:watcher2]", "cmd = boo",
                "copy_env = True", "[env]", "TEST1 = test1", "HOME = /override");
        CircusConfig c = f.load("circus.ini", daemon);
        assertFalse(watcher(c, "watcher1").env().containsKey("BAM"));
        assertEquals("test1", watcher(c, "watcher1").env().get("TEST1"));
        assertEquals("1", watcher(c, "watcher2").env().get("BAM"));
        assertEquals("/usr/bin:/bin", watcher(c, "watcher2").env().get("PATH"));
        assertEquals("/override", watcher(c, "watcher2").env().get("HOME"));
        assertEquals(daemon.size() + 1, watcher(c, "watcher2").env().size());
    }

    @Test
    void dollarNameExpansionIsUpperCaseOnlyFromTheDaemonAndUnsetIsEmpty() throws Exception {
        WatcherConfig w = watcher(new IniFixture(tmp).loadLines(
                "[watcher:w]", "cmd = x",
                "[env]", "FROM_ENV = e",
                "[env:w]", "A = $HOME/bin", "B = $home/bin", "C = [$UNSET]", "D = $FROM_ENV", "E = ${HOME}",
                "F = $USER_X"), "w");
        assertEquals("/home/op/bin", w.env().get("A"));
        assertEquals("$home/bin", w.env().get("B"));
        assertEquals("[]", w.env().get("C"));
        assertEquals("", w.env().get("D"));
        assertEquals("${HOME}", w.env().get("E"));
        assertEquals("", w.env().get("F"));
    }

    @Test
    void keysKeepTheirCase() throws Exception {
        CircusConfig c = new IniFixture(tmp).loadLines("[watcher:w]", "cmd = x",
                "[env]", "http_proxy = a", "HTTPS_PROXY = b", "FunKy_soUl = c");
        assertEquals(Map.of("http_proxy", "a", "HTTPS_PROXY", "b", "FunKy_soUl", "c"), watcher(c, "w").env());
    }

    @Test
    void envSectionGetsDaemonSubstitutionButPatternSectionsDoNot() throws Exception {
        WatcherConfig w = watcher(new IniFixture(tmp).loadLines(
                "[watcher:w]", "cmd = x",
                "[env]", "G = $(circus.env.HOME)/g",
                "[env:w]", "S = $(circus.env.HOME)/s"), "w");
        assertEquals("/home/op/g", w.env().get("G"));
        assertEquals("$(circus.env.HOME)/s", w.env().get("S"));
    }

    @Test
    void noEnvironmentSectionsMeansAnEmptyEnvironment() throws Exception {
        WatcherConfig w = watcher(new IniFixture(tmp).loadLines("[watcher:w]", "cmd = x"), "w");
        assertTrue(w.env().isEmpty());
    }

    @Test
    void patternsThatMatchNoWatcherAreReported() throws Exception {
        CircusConfig c = new IniFixture(tmp).loadLines("[watcher:web]", "cmd = x", "[env:wbe, web]", "A = 1");
        assertWarning(c, "[env:wbe, web]: pattern 'wbe' matches no watcher");
        assertEquals("1", watcher(c, "web").env().get("A"));
    }

    @Test
    void nameKeyRenamesTheWatcherAndEnvPatternsSeeTheNewName() throws Exception {
        CircusConfig c = new IniFixture(tmp).loadLines("[watcher:section]", "cmd = x", "name = real name",
                "[env:real*]", "A = 1");
        assertEquals("real name", c.watchers().get(0).name());
        assertEquals("1", c.watchers().get(0).env().get("A"));
    }

    @Test
    void envKeyInAWatcherIsIgnoredWithAWarning() throws Exception {
        CircusConfig c = new IniFixture(tmp).loadLines("[watcher:w]", "cmd = x", "env = A=1");
        assertTrue(watcher(c, "w").env().isEmpty());
        assertFalse(watcher(c, "w").extra().containsKey("env"));
        assertWarning(c, "[watcher:w] env: line 3: ignored", "[env:w]");
    }
}
