package io.circus.config.ini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One file through the lexer and ini4j, compared with what Circus's StrictConfigParser (run under
 * Python 3.11) produced for the same text. The two documented differences are marked.
 */
class IniFileParserTest {

    @TempDir
    Path tmp;

    @Test
    void sameResultAsCircusParser() throws Exception {
        Path p = tmp.resolve("t.ini");
        Files.writeString(p, String.join("\n",
                "[watcher:a]", "cmd = foo ; comment", "args = a;b ; c", "x = ;y", "y: a=b", "z = \"\"", "m =",
                "  one", "", "# comment", "  two ; keep", "  # indented hash", "rem this is a remark", "REM another",
                "remark = 5", "cmd = second", "  cont-of-dup", "[watcher:a] trailing", "new = 1", "args = ignored",
                "[DEFAULT]", "d = 1", "[b]", "  lead = x", "k=v", ""));
        IniFile f = IniFileParser.parse(p);
        Map<String, String> a = values(f.sections().get("watcher:a"));
        Map<String, String> expected = new LinkedHashMap<>();
        // Python: "foo\ncont-of-dup" (the ignored duplicate's continuation lands on the first value).
        expected.put("cmd", "foo");
        expected.put("args", "a;b ; c");
        expected.put("x", ";y");
        expected.put("y", "a=b");
        expected.put("z", "");
        expected.put("m", "\none\ntwo ; keep\n# indented hash");
        expected.put("remark", "5");
        expected.put("new", "1");
        assertEquals(expected, a);
        assertEquals(List.of("cmd", "args", "x", "y", "z", "m", "remark", "new"), List.copyOf(a.keySet()));
        assertEquals(Map.of("d", "1"), values(f.defaults()));
        // Python: key "  lead" with its leading blanks.
        assertEquals(Map.of("lead", "x", "k", "v"), values(f.sections().get("b")));
        assertEquals(List.of("watcher:a", "b"), List.copyOf(f.sections().keySet()));
        assertEquals(2, f.sections().get("watcher:a").get("cmd").line());
        assertEquals(19, f.sections().get("watcher:a").get("new").line());
        assertFalse(f.sections().containsKey("DEFAULT"));
    }

    @Test
    void suspectContinuationLinesAreRecorded() throws Exception {
        Path p = tmp.resolve("s.ini");
        Files.writeString(p, "[watcher:a]\ncmd = x\n    numprocesses = 2\n    --flag\n");
        IniFile f = IniFileParser.parse(p);
        assertEquals(List.of(new IniLexer.Suspect(3, "watcher:a", "cmd", "numprocesses")), f.suspects());
        assertEquals("x\nnumprocesses = 2\n--flag", f.sections().get("watcher:a").get("cmd").value());
    }

    @Test
    void fnmatchPatterns() {
        assertTrue(FnMatch.compile("wat*").matcher("watcher1").matches());
        assertTrue(FnMatch.compile("*").matcher("").matches());
        assertTrue(FnMatch.compile("w?b").matcher("web").matches());
        assertFalse(FnMatch.compile("w?b").matcher("Web").matches());
        assertTrue(FnMatch.compile("[!x]eb").matcher("web").matches());
        assertFalse(FnMatch.compile("[!w]eb").matcher("web").matches());
        assertTrue(FnMatch.compile("[]]x").matcher("]x").matches());
        assertTrue(FnMatch.compile("a[b").matcher("a[b").matches());
        assertTrue(FnMatch.compile("a.b+c").matcher("a.b+c").matches());
        assertFalse(FnMatch.compile("a.b").matcher("axb").matches());
        assertTrue(FnMatch.compile("[a-c&&x]").matcher("&").matches());
    }

    @Test
    void spellingSuggestions() {
        List<String> known = List.of("numprocesses", "uid", "gid", "cmd", "port", "proto");
        assertEquals("numprocesses", SpellingAdvisor.suggest("NumProcesses", known).orElseThrow());
        assertEquals("numprocesses", SpellingAdvisor.suggest("numprocess", known).orElseThrow());
        assertEquals("uid", SpellingAdvisor.suggest("uuid", known).orElseThrow());
        assertEquals("gid", SpellingAdvisor.suggest("pid", known).orElseThrow());
        assertTrue(SpellingAdvisor.suggest("flapping.max_retry", known).isEmpty());
        assertTrue(SpellingAdvisor.suggest("ab", known).isEmpty());
        assertEquals(3, SpellingAdvisor.distance("kitten", "sitting", 5));
    }

    private static Map<String, String> values(Map<String, IniEntry> entries) {
        Map<String, String> out = new LinkedHashMap<>();
        entries.forEach((k, e) -> out.put(k, e.value()));
        return out;
    }
}
