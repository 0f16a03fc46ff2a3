package io.circus.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputTailTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void linesOfSeveralProcessesAreKeptApartAndInOrder() {
        OutputTail t = new OutputTail();
        t.append(1, b("hel"));
        t.append(2, b("other\r\nsec"));
        t.append(1, b("lo\n"));
        t.append(2, b("ond\n"));
        t.append(1, b("unfinished"));
        assertEquals(List.of("[2] other", "[1] hello", "[2] second"), t.last(10));
        t.end(1);
        assertEquals(List.of("[2] second", "[1] unfinished"), t.last(2));
        assertEquals(List.of(), t.last(0));
    }

    @Test
    void boundedInLinesAndInLineLength() {
        OutputTail t = new OutputTail();
        for (int i = 0; i < OutputTail.MAX_LINES + 50; i++) {
            t.append(7, b("line " + i + "\n"));
        }
        List<String> all = t.last(Integer.MAX_VALUE);
        assertEquals(OutputTail.MAX_LINES, all.size());
        assertEquals("[7] line 50", all.getFirst());
        assertEquals("[7] line " + (OutputTail.MAX_LINES + 49), all.getLast());

        t.append(8, b("x".repeat(OutputTail.MAX_LINE + 5) + "\n"));
        List<String> cut = t.last(2);
        assertEquals("[8] " + "x".repeat(OutputTail.MAX_LINE), cut.get(0));
        assertEquals("[8] xxxxx", cut.get(1));
    }
}
