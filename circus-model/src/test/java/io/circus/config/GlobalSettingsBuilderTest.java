package io.circus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GlobalSettings.Builder}: the loader's defaults, one setter per option that sets that option
 * only, and a {@code toBuilder()} that loses nothing. Reflective, so a new {@code [circus]} option
 * without its setter, or one the builder forgets to copy, fails here.
 */
class GlobalSettingsBuilderTest {

    @TempDir
    Path tmp;

    @Test
    void theBuilderStartsFromWhatAnEmptyCircusSectionLoads() throws Exception {
        assertEquals(new IniFixture(tmp).loadLines("[circus]").global(), GlobalSettings.builder().build());
    }

    @Test
    void everyOptionHasASetterThatSetsItAloneAndToBuilderKeepsIt() throws Exception {
        GlobalSettings defaults = GlobalSettings.builder().build();
        RecordComponent[] components = GlobalSettings.class.getRecordComponents();
        GlobalSettings.Builder all = GlobalSettings.builder();
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            Object value = otherThan(c.getAccessor().invoke(defaults), c.getType(), i);
            Method setter = GlobalSettings.Builder.class.getMethod(c.getName(), c.getType());
            assertEquals(GlobalSettings.Builder.class, setter.getReturnType(), c.getName());
            setter.invoke(all, value);
            GlobalSettings one = ((GlobalSettings.Builder) setter.invoke(GlobalSettings.builder(), value)).build();
            for (RecordComponent other : components) {
                Object expected = other == c ? value : other.getAccessor().invoke(defaults);
                assertEquals(expected, other.getAccessor().invoke(one),
                        c.getName() + " set, " + other.getName() + " read");
            }
        }
        GlobalSettings built = all.build();
        assertEquals(built, built.toBuilder().build());
        assertEquals(defaults, defaults.toBuilder().build());
    }

    @Test
    void requiredValuesAreNotNull() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> GlobalSettings.builder().endpoint(null));
        assertTrue(e.getMessage().contains("endpoint"), e.getMessage());
        assertThrows(NullPointerException.class, () -> GlobalSettings.builder().security(null));
    }

    /** A value of {@code type}, distinct per component so that two swapped fields show. */
    private static Object otherThan(Object current, Class<?> type, int i) {
        Object value;
        if (type == Duration.class) {
            value = Duration.ofMillis(1000 + i);
        } else if (type == String.class) {
            value = "value-" + i;
        } else if (type == boolean.class) {
            value = !(Boolean) current;
        } else if (type == int.class) {
            value = 4000 + i;
        } else if (type == SecuritySettings.class) {
            value = new SecuritySettings("server.key", "clients", false, "circus", true);
        } else if (type == List.class) {
            value = List.of(Path.of("/opt/circus/hooks-" + i));
        } else {
            throw new AssertionError("no test value for " + type);
        }
        assertNotEquals(current, value);
        return value;
    }
}
