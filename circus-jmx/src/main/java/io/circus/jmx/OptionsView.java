package io.circus.jmx;

import io.circus.config.option.WatcherOption;
import io.circus.config.option.WatcherOptionSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.management.openmbean.ArrayType;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeDataView;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;

/**
 * A set of options with their typed values, as Circus's {@code options}, {@code get} and
 * {@code globaloptions} reply: {@code numprocesses} is an integer, {@code respawn} a boolean,
 * {@code env} a table. Over JMX it is one {@link CompositeData} whose items are {@link #getScope()}
 * plus one item per option, in sorted order, so JConsole and VisualVM show it without our classes.
 *
 * <p>The option keys vary by watcher (free-form options), so the declared composite type only names
 * {@code scope}; the value carries the other items, which the MXBean rules allow (a value may have
 * more items than its declared type). Values are open types: Integer, Long, Double, Boolean, String
 * (anything else is rendered as a string), {@code String[]} for lists, and a key/value
 * {@link TabularData} for maps. Item descriptions of a watcher's options are the
 * {@link WatcherOptionSchema} descriptions, so a JMX console explains each one.
 *
 * <p>The typed {@code set} and {@code addWatcher} operations take their values in this form too
 * (with the keys in order beside them, see {@link #ordered}), so JSON numbers, booleans and objects
 * reach the watcher typed rather than as text.
 */
public final class OptionsView implements CompositeDataView {

    private static final String SCOPE = "scope";
    private static final TabularType MAP_TYPE;
    private static final ArrayType<String[]> LIST_TYPE;

    static {
        try {
            // The same shape the MXBean rules give a Map<String, String>, so MXBean-aware clients show a map.
            String typeName = "java.util.Map<java.lang.String, java.lang.String>";
            CompositeType row = new CompositeType(typeName, typeName, new String[] {"key", "value"},
                    new String[] {"key", "value"}, new OpenType<?>[] {SimpleType.STRING, SimpleType.STRING});
            MAP_TYPE = new TabularType(typeName, typeName, row, new String[] {"key"});
            LIST_TYPE = ArrayType.getArrayType(SimpleType.STRING);
        } catch (OpenDataException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String scope;
    private final Map<String, Object> values;

    private OptionsView(String scope, Map<String, Object> values) {
        this.scope = scope;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * @param scope  what the options belong to: {@code watcher:<name>} or {@code circus}
     * @param values option name to value (null allowed). A free-form option named {@code scope}
     *               takes the {@code scope} item (as a string) rather than being dropped.
     */
    public static OptionsView of(String scope, Map<String, ?> values) {
        return new OptionsView(scope, new TreeMap<>(values));
    }

    /** Rebuilds the values a JMX client received (MXBean proxies call this). */
    public static OptionsView from(CompositeData data) {
        Map<String, Object> values = new TreeMap<>();
        for (String key : data.getCompositeType().keySet()) {
            if (!key.equals(SCOPE)) {
                values.put(key, fromOpen(data.get(key)));
            }
        }
        return new OptionsView((String) data.get(SCOPE), values);
    }

    /**
     * The values of {@code keys}, in that order: how the typed {@code set} and {@code addWatcher}
     * operations receive options, since a composite's items are sorted and options apply (and publish
     * their events) in the order given.
     *
     * @param keys   the keys in order, each an item of {@code values}; null for the values' own order
     * @throws IllegalArgumentException naming a key that has no value
     */
    public static Map<String, Object> ordered(String[] keys, OptionsView values) {
        Map<String, Object> all = values == null ? Map.of() : values.asMap();
        if (keys == null) {
            return new LinkedHashMap<>(all);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : keys) {
            if (!all.containsKey(key)) {
                throw new IllegalArgumentException("option '" + key + "' has no value");
            }
            out.put(key, all.get(key));
        }
        return out;
    }

    /** {@code watcher:<name>} or {@code circus}. */
    public String getScope() {
        return scope;
    }

    /** The options in key order, with Java values (lists and maps as such). */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public CompositeData toCompositeData(CompositeType declared) {
        List<String> names = new ArrayList<>();
        List<OpenType<?>> types = new ArrayList<>();
        List<Object> items = new ArrayList<>();
        names.add(SCOPE);
        types.add(SimpleType.STRING);
        items.add(values.containsKey(SCOPE) ? String.valueOf(values.get(SCOPE)) : scope);
        values.forEach((k, v) -> {
            if (k.equals(SCOPE)) {
                return;
            }
            Object open = toOpen(v);
            names.add(k);
            types.add(typeOf(open));
            items.add(open);
        });
        try {
            String[] n = names.toArray(String[]::new);
            String[] descriptions = descriptions(n);
            CompositeType type = new CompositeType(declared.getTypeName(), declared.getDescription(), n, descriptions,
                    types.toArray(OpenType<?>[]::new));
            return new CompositeDataSupport(type, n, items.toArray());
        } catch (OpenDataException e) {
            throw new IllegalStateException("options of " + scope + " are not representable: " + e.getMessage());
        }
    }

    /** What each item is: a watcher option's schema description, else its name. */
    private String[] descriptions(String[] names) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            out[i] = i == 0 ? "What the options belong to: watcher:<name> or circus"
                    : scope.startsWith("watcher:") ? WatcherOptionSchema.find(name)
                            .map(WatcherOption::description).orElse(name) : name;
        }
        return out;
    }

    private static Object toOpen(Object v) {
        return switch (v) {
            case null -> null;
            case Integer i -> i;
            case Long l -> l;
            case Double d -> d;
            case Float f -> f.doubleValue();
            case Short s -> s.intValue();
            case Boolean b -> b;
            case String s -> s;
            case Map<?, ?> m -> table(m);
            case Collection<?> c -> c.stream().map(String::valueOf).toArray(String[]::new);
            default -> String.valueOf(v);
        };
    }

    private static TabularData table(Map<?, ?> map) {
        TabularDataSupport table = new TabularDataSupport(MAP_TYPE);
        for (Map.Entry<?, ?> e : new TreeMap<>(stringKeys(map)).entrySet()) {
            try {
                table.put(new CompositeDataSupport(MAP_TYPE.getRowType(), new String[] {"key", "value"},
                        new Object[] {e.getKey(), e.getValue() == null ? null : String.valueOf(e.getValue())}));
            } catch (OpenDataException ex) {
                throw new IllegalStateException(ex.getMessage());
            }
        }
        return table;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static OpenType<?> typeOf(Object open) {
        return switch (open) {
            case Integer i -> SimpleType.INTEGER;
            case Long l -> SimpleType.LONG;
            case Double d -> SimpleType.DOUBLE;
            case Boolean b -> SimpleType.BOOLEAN;
            case TabularData t -> MAP_TYPE;
            case String[] a -> LIST_TYPE;
            case null, default -> SimpleType.STRING;
        };
    }

    private static Object fromOpen(Object open) {
        if (open instanceof TabularData t) {
            Map<String, String> map = new TreeMap<>();
            for (Object row : t.values()) {
                CompositeData r = (CompositeData) row;
                map.put((String) r.get("key"), (String) r.get("value"));
            }
            return map;
        }
        if (open instanceof String[] a) {
            return List.of(a);
        }
        return open;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptionsView other && scope.equals(other.scope) && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return scope.hashCode() * 31 + values.hashCode();
    }

    @Override
    public String toString() {
        return scope + values;
    }
}
