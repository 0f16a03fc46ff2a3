package io.circus.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CircusNamesTest {

    @Test
    void namesReadAsTypedWithTypeFirst() {
        assertEquals("circus:type=Arbiter", CircusNames.ARBITER.toString());
        assertEquals("circus:type=Watcher,name=web-1.api", CircusNames.watcher("web-1.api").toString());
        assertEquals("circus:type=Process,watcher=web,name=3", CircusNames.process("web", 3).toString());
        assertEquals("circus:type=Socket,name=public", CircusNames.socket("public").toString());
    }

    @Test
    void valuesAreQuotedOnlyWhenObjectNameRequiresIt() {
        assertEquals("My Watcher", CircusNames.value("My Watcher"));
        assertEquals("plugin\\x", CircusNames.value("plugin\\x"));
        for (String odd : new String[] {"a,b", "a=b", "plugin:flap", "say \"hi\"", "star*", "what?", "two\nlines", ""}) {
            String v = CircusNames.value(odd);
            assertTrue(v.startsWith("\""), odd + " -> " + v);
            assertEquals(odd, CircusNames.watcherOf(CircusNames.watcher(odd)));
            assertEquals(odd, CircusNames.watcherOf(CircusNames.process(odd, 1)));
        }
    }

    @Test
    void patternsSelectOneWatchersProcesses() throws Exception {
        assertTrue(CircusNames.processesOf("web").apply(CircusNames.process("web", 12)));
        assertTrue(!CircusNames.processesOf("web").apply(CircusNames.process("web2", 1)));
        assertTrue(CircusNames.processesOf("plugin:x").apply(CircusNames.process("plugin:x", 1)));
    }
}
