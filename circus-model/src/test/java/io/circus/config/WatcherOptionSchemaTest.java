package io.circus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.option.OptionType;
import io.circus.config.option.WatcherOption;
import io.circus.config.option.WatcherOptionSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The schema is the one table: every bound option is described, and its defaults are what a watcher reports. */
class WatcherOptionSchemaTest {

    private static final WatcherConfig BASE = WatcherConfig.builder("w", "sleep 1").build();

    @Test
    void everyOptionTheLoaderConvertsIsDescribed() {
        for (WatcherKey k : WatcherKey.values()) {
            WatcherOption o = WatcherOptionSchema.find(k.key).orElseThrow(() -> new AssertionError(k.key));
            assertEquals(k.key, o.key());
            assertFalse(o.compound(), k.key);
        }
        for (String key : WatcherOptions.knownKeys()) {
            assertTrue(WatcherOptionSchema.find(key).isPresent(), key);
        }
        Set<String> keys = WatcherOptionSchema.options().stream().map(WatcherOption::key).collect(Collectors.toSet());
        assertEquals(WatcherOptionSchema.options().size(), keys.size(), "each key once");
        WatcherOptionSchema.options().forEach(o -> assertFalse(o.description().isBlank(), o.key()));
    }

    @Test
    void defaultsAreWhatAFreshWatcherReports() {
        Map<String, Object> reported = WatcherOptions.toOptions(BASE);
        int compared = 0;
        for (WatcherOption o : WatcherOptionSchema.options()) {
            if (!o.isFamily() && !o.key().equals("cmd") && reported.containsKey(o.key())) {
                assertEquals(reported.get(o.key()), o.defaultValue(), o.key());
                compared++;
            }
        }
        assertTrue(compared > 25, "compared " + compared);
    }

    @Test
    void familiesMatchTheirMembers() {
        assertEquals("rlimit_", WatcherOptionSchema.require("rlimit_nofile").key());
        assertEquals("stdout_stream.", WatcherOptionSchema.require("stdout_stream.filename").key());
        assertEquals("stdout_stream", WatcherOptionSchema.require("stdout_stream").key());
        assertEquals(OptionType.HOOK, WatcherOptionSchema.require("hooks.before_start").type());
        assertTrue(WatcherOptionSchema.require("flapping.max_retry").isFreeForm());
        assertTrue(WatcherOptionSchema.find("__name__").isEmpty());
        assertTrue(WatcherOptionSchema.find("NumProcesses").isEmpty(), "keys are exact");
        assertEquals(List.of("before_start", "after_start", "before_stop", "after_stop", "before_spawn",
                "after_spawn", "before_signal", "after_signal", "before_reap", "after_reap", "extended_stats"),
                WatcherOptionSchema.hookNames());
    }

    @Test
    void liveIsTheSchemasLiveFlag() {
        for (WatcherOption o : WatcherOptionSchema.options()) {
            String key = o.isFamily() ? o.key() + "x" : o.key();
            assertEquals(o.live(), WatcherOptions.isLive(key), key);
        }
    }

    @Test
    void typedValuesAreCheckedAgainstTheSchema() {
        InvalidOptionException list = assertThrows(InvalidOptionException.class,
                () -> WatcherOptions.apply(BASE, "numprocesses", (Object) List.of(1)));
        assertEquals("numprocesses", list.key());
        assertEquals("expected an integer", list.problem());
        InvalidOptionException env = assertThrows(InvalidOptionException.class,
                () -> WatcherOptions.apply(BASE, "env", (Object) List.of("A=1")));
        assertEquals("expected an object of strings", env.problem());
        assertEquals(Map.of("A", "x,y=z"), WatcherOptions.apply(BASE, "env", (Object) Map.of("A", "x,y=z")).env());
        assertEquals("a 'b c'", WatcherOptions.joinArgs(List.of("a", "b c")));
    }
}
