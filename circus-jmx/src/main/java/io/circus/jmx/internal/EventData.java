package io.circus.jmx.internal;

import io.circus.event.Event;
import io.circus.event.EventType;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.openmbean.ArrayType;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.InvalidKeyException;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/**
 * An event's notification user data: the {@link CompositeData} every JMX client can read, built
 * for the one case where the daemon makes thousands a second (a stop of 10,000 processes is
 * 20,000 events). {@link CompositeDataSupport} sorts its items into a tree and checks every value
 * against the type on each construction; here the items' order and type are worked out once per
 * shape of event (its kind, its field names and their types) and each event only fills an array.
 *
 * <p>Equal to, and serialized as, the {@link CompositeDataSupport} of the same items: a remote
 * client (JConsole over RMI) receives the standard class and needs nothing of ours.
 *
 * <p>Immutable; any thread. The shape cache is bounded by the kinds of events and their fields.
 */
final class EventData implements CompositeData, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final ArrayType<String[]> STRINGS = stringArray();
    /** The items every event carries, whatever its kind. */
    private static final String[] ENVELOPE = {"seq", "type", "topic", "watcher", "wid", "pid", "timeMillis", "time"};
    private static final Map<EventType, List<Shape>> SHAPES = new ConcurrentHashMap<>();

    /** One kind of event's items: names in ascending order (CompositeData's), their types, the type. */
    private record Shape(String[] names, OpenType<?>[] types, CompositeType type) {
        boolean fits(String[] sortedNames, OpenType<?>[] sortedTypes, int n) {
            return names.length == n && Arrays.equals(names, 0, n, sortedNames, 0, n)
                    && Arrays.equals(types, 0, n, sortedTypes, 0, n);
        }
    }

    private final transient Shape shape;
    private final transient Object[] values;

    private EventData(Shape shape, Object[] values) {
        this.shape = shape;
        this.values = values;
    }

    /** The user data of {@code event}: the envelope, then its own fields (a field of the same name wins). */
    static EventData of(Event event) {
        Map<String, Object> fields = event.fields();
        int capacity = ENVELOPE.length + fields.size();
        String[] names = Arrays.copyOf(ENVELOPE, capacity);
        Object[] values = new Object[capacity];
        values[0] = event.seq();
        values[1] = event.type().circusName();
        values[2] = event.topic();
        values[3] = event.watcher();
        values[4] = event.wid();
        values[5] = event.pid();
        values[6] = event.epochMillis();
        values[7] = event.epochMillis() / 1000.0;
        int n = ENVELOPE.length;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            // The event's own time wins: for spawn it is the process's start, as in Circus's payload.
            int at = indexOf(names, n, field.getKey());
            if (at < 0) {
                at = n++;
                names[at] = field.getKey();
            }
            values[at] = open(field.getValue());
        }
        OpenType<?>[] types = new OpenType<?>[n];
        sort(names, values, n);
        for (int i = 0; i < n; i++) {
            types[i] = typeOf(values[i]);
        }
        return new EventData(shape(event.type(), names, types, n), n == capacity ? values : Arrays.copyOf(values, n));
    }

    private static int indexOf(String[] names, int n, String name) {
        for (int i = 0; i < n; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Insertion sort of both arrays by name: a dozen items, mostly in order already. */
    private static void sort(String[] names, Object[] values, int n) {
        for (int i = 1; i < n; i++) {
            String name = names[i];
            Object value = values[i];
            int j = i - 1;
            while (j >= 0 && names[j].compareTo(name) > 0) {
                names[j + 1] = names[j];
                values[j + 1] = values[j];
                j--;
            }
            names[j + 1] = name;
            values[j + 1] = value;
        }
    }

    private static Shape shape(EventType kind, String[] names, OpenType<?>[] types, int n) {
        Shape known = find(SHAPES.get(kind), names, types, n);
        if (known != null) {
            return known;
        }
        synchronized (SHAPES) {
            List<Shape> shapes = SHAPES.getOrDefault(kind, List.of());
            Shape raced = find(shapes, names, types, n);
            if (raced != null) {
                return raced;
            }
            String[] exact = Arrays.copyOf(names, n);
            Shape fresh = new Shape(exact, types, newType(kind, exact, types));
            List<Shape> next = new ArrayList<>(shapes);
            next.add(fresh);
            SHAPES.put(kind, List.copyOf(next));
            return fresh;
        }
    }

    private static Shape find(List<Shape> shapes, String[] names, OpenType<?>[] types, int n) {
        if (shapes != null) {
            for (Shape s : shapes) {
                if (s.fits(names, types, n)) {
                    return s;
                }
            }
        }
        return null;
    }

    private static CompositeType newType(EventType kind, String[] names, OpenType<?>[] types) {
        try {
            return new CompositeType("io.circus.event." + kind.circusName(), "Circus " + kind.circusName() + " event",
                    names, names, types);
        } catch (OpenDataException e) {
            throw new IllegalStateException("event not representable: " + e.getMessage(), e);
        }
    }

    private static Object open(Object v) {
        return switch (v) {
            case null -> null;
            case Integer i -> i;
            case Long l -> l;
            case Double d -> d;
            case Boolean b -> b;
            case String s -> s;
            case Float f -> f.doubleValue();
            case Collection<?> c -> c.stream().map(String::valueOf).toArray(String[]::new);
            default -> String.valueOf(v);
        };
    }

    private static OpenType<?> typeOf(Object v) {
        return switch (v) {
            case Integer i -> SimpleType.INTEGER;
            case Long l -> SimpleType.LONG;
            case Double d -> SimpleType.DOUBLE;
            case Boolean b -> SimpleType.BOOLEAN;
            case String[] a -> STRINGS;
            case null, default -> SimpleType.STRING;
        };
    }

    private int index(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be null or empty");
        }
        return Arrays.binarySearch(shape.names(), key);
    }

    @Override
    public CompositeType getCompositeType() {
        return shape.type();
    }

    @Override
    public Object get(String key) {
        int i = index(key);
        if (i < 0) {
            throw new InvalidKeyException("no item '" + key + "' in " + shape.type().getTypeName());
        }
        return values[i];
    }

    @Override
    public Object[] getAll(String[] keys) {
        if (keys == null) {
            return new Object[0];
        }
        Object[] all = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            all[i] = get(keys[i]);
        }
        return all;
    }

    @Override
    public boolean containsKey(String key) {
        return key != null && !key.isEmpty() && Arrays.binarySearch(shape.names(), key) >= 0;
    }

    @Override
    public boolean containsValue(Object value) {
        for (Object v : values) {
            if (v == null ? value == null : v.equals(value)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Collection<?> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /** As {@link CompositeDataSupport#equals}: same type, same values (arrays by content). */
    @Override
    public boolean equals(Object obj) {
        if (this == obj) {
            return true;
        }
        if (!(obj instanceof CompositeData other) || !shape.type().equals(other.getCompositeType())) {
            return false;
        }
        String[] names = shape.names();
        for (int i = 0; i < names.length; i++) {
            if (!Arrays.deepEquals(new Object[] {values[i]}, new Object[] {other.get(names[i])})) {
                return false;
            }
        }
        return true;
    }

    /** As {@link CompositeDataSupport#hashCode}: the type's hash plus each value's (arrays by content). */
    @Override
    public int hashCode() {
        int hash = shape.type().hashCode();
        for (Object v : values) {
            hash += v instanceof Object[] a ? Arrays.deepHashCode(a) : v == null ? 0 : v.hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getName()).append("(compositeType=").append(shape.type())
                .append(",contents={");
        String[] names = shape.names();
        for (int i = 0; i < names.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(names[i]).append('=')
                    .append(values[i] instanceof Object[] a ? Arrays.deepToString(a) : values[i]);
        }
        return sb.append("})").toString();
    }

    /** Sent as the standard class, which every JMX client has. */
    @Serial
    private Object writeReplace() throws ObjectStreamException {
        try {
            return new CompositeDataSupport(shape.type(), shape.names(), values);
        } catch (OpenDataException e) {
            throw new java.io.InvalidObjectException("event not representable: " + e.getMessage());
        }
    }

    private static ArrayType<String[]> stringArray() {
        try {
            return ArrayType.getArrayType(SimpleType.STRING);
        } catch (OpenDataException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
