package io.circus.jmx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

class OptionsViewTest {

    private static CompositeData open(OptionsView v) throws Exception {
        CompositeType declared = new CompositeType(OptionsView.class.getName(), "options", new String[] {"scope"},
                new String[] {"scope"}, new OpenType<?>[] {SimpleType.STRING});
        return v.toCompositeData(declared);
    }

    @Test
    void valuesKeepTheirTypesAndComeBackUnchanged() throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("numprocesses", 3);
        values.put("graceful_timeout", 2.5);
        values.put("respawn", true);
        values.put("cmd", "sleep");
        values.put("uid", null);
        values.put("env", Map.of("B", "2", "A", "1"));
        values.put("hooks", List.of("x", "y"));
        values.put("stdout_stream.max_bytes", 10L);
        CompositeData cd = open(OptionsView.of("watcher:web", values));

        assertEquals("watcher:web", cd.get("scope"));
        assertEquals(3, cd.get("numprocesses"));
        assertEquals(2.5, cd.get("graceful_timeout"));
        assertEquals(true, cd.get("respawn"));
        assertNull(cd.get("uid"));
        assertEquals(2, ((TabularData) cd.get("env")).size());
        assertArrayEquals(new String[] {"x", "y"}, (String[]) cd.get("hooks"));
        assertEquals(OptionsView.class.getName(), cd.getCompositeType().getTypeName());

        OptionsView back = OptionsView.from(cd);
        assertEquals("watcher:web", back.getScope());
        assertEquals(Map.of("A", "1", "B", "2"), back.asMap().get("env"));
        assertEquals(List.of("x", "y"), back.asMap().get("hooks"));
        assertEquals(10L, back.asMap().get("stdout_stream.max_bytes"));
        assertEquals(List.copyOf(new java.util.TreeSet<>(values.keySet())), List.copyOf(back.asMap().keySet()),
                "sorted, as Circus's options reply");
    }

    @Test
    void aFreeFormOptionNamedScopeIsKeptInTheScopeItem() throws Exception {
        CompositeData cd = open(OptionsView.of("watcher:web", Map.of("scope", 3, "cmd", "x")));
        assertEquals("3", cd.get("scope"));
        assertEquals("x", cd.get("cmd"));
    }
}
