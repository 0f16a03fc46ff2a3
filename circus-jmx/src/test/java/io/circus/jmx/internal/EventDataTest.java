package io.circus.jmx.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.event.Event;
import io.circus.event.EventType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.management.openmbean.ArrayType;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.InvalidKeyException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import org.junit.jupiter.api.Test;

/**
 * An event's user data is a CompositeData any JMX client reads as if it were the standard
 * {@link CompositeDataSupport} of the same items: equal both ways, the same hash, serialized as
 * the standard class.
 */
class EventDataTest {

    private static final Event REAP = new Event(42, EventType.REAP, "web", 3, 4711, 1_700_000_000_123L,
            Map.of("exit_code", -15, "cause", "commanded", "signal", "SIGTERM"));

    /** The standard class built the way the user data was built before: every item checked. */
    private static CompositeDataSupport standard(Event e, Map<String, Object> fields) throws Exception {
        TreeMap<String, Object> items = new TreeMap<>();
        items.put("seq", e.seq());
        items.put("type", e.type().circusName());
        items.put("topic", e.topic());
        items.put("watcher", e.watcher());
        items.put("wid", e.wid());
        items.put("pid", e.pid());
        items.put("timeMillis", e.epochMillis());
        items.put("time", e.epochMillis() / 1000.0);
        items.putAll(fields);
        String[] names = items.keySet().toArray(String[]::new);
        OpenType<?>[] types = new OpenType<?>[names.length];
        for (int i = 0; i < names.length; i++) {
            Object v = items.get(names[i]);
            types[i] = v instanceof Integer ? SimpleType.INTEGER : v instanceof Long ? SimpleType.LONG
                    : v instanceof Double ? SimpleType.DOUBLE : v instanceof String[] ? ArrayType.getArrayType(SimpleType.STRING)
                    : SimpleType.STRING;
        }
        CompositeType type = new CompositeType("io.circus.event." + e.type().circusName(),
                "Circus " + e.type().circusName() + " event", names, names, types);
        return new CompositeDataSupport(type, names, items.values().toArray());
    }

    @Test
    void readsEqualsAndHashesAsTheStandardClass() throws Exception {
        CompositeData data = EventData.of(REAP);
        CompositeDataSupport expected = standard(REAP, Map.of("exit_code", -15, "cause", "commanded", "signal", "SIGTERM"));
        assertEquals(expected.getCompositeType(), data.getCompositeType());
        assertEquals(expected, data);
        assertEquals(data, expected);
        assertEquals(expected.hashCode(), data.hashCode());
        assertEquals(List.copyOf(expected.values()), List.copyOf(data.values()), "values in key order");
        assertEquals(-15, data.get("exit_code"));
        assertEquals(4711L, data.get("pid"));
        assertArrayEquals(new Object[] {"web", 42L}, data.getAll(new String[] {"watcher", "seq"}));
        assertTrue(data.containsKey("cause"));
        assertFalse(data.containsKey("nope"));
        assertFalse(data.containsKey(null));
        assertTrue(data.containsValue("commanded"));
        assertThrows(InvalidKeyException.class, () -> data.get("nope"));
        assertThrows(IllegalArgumentException.class, () -> data.get(""));
    }

    @Test
    void aFieldOfAnEnvelopeNameWinsAndListsBecomeStringArrays() throws Exception {
        Event spawn = new Event(7, EventType.CONFIG_RELOADED, null, 0, 0, 1_700_000_000_000L,
                Map.of("time", 1234.5, "added", List.of("a", "b")));
        CompositeData data = EventData.of(spawn);
        assertEquals(1234.5, data.get("time"), "the event's own time wins");
        assertArrayEquals(new String[] {"a", "b"}, (String[]) data.get("added"));
        assertEquals(standard(spawn, Map.of("time", 1234.5, "added", new String[] {"a", "b"})), data);
    }

    @Test
    void eventsOfOneShapeShareTheirType() {
        Event other = new Event(43, EventType.REAP, "db", 1, 99, 1L, Map.of("exit_code", 0, "cause", "exited", "signal", "none"));
        assertSame(EventData.of(REAP).getCompositeType(), EventData.of(other).getCompositeType());
    }

    @Test
    void isSerializedAsTheStandardClass() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(EventData.of(REAP));
        }
        Object read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = in.readObject();
        }
        assertInstanceOf(CompositeDataSupport.class, read);
        assertEquals(EventData.of(REAP), read);
    }
}
