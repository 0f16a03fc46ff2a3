package io.circus.jmx.internal;

import static io.circus.testing.TestChildren.sleepers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.circus.config.CircusConfig;
import io.circus.runtime.Watcher;
import io.circus.runtime.core.ArbiterCore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Circus's simple / glob / regex watcher selection and its error messages. */
class WatcherSelectorTest {

    private final ArbiterCore arbiter = ArbiterCore.builder(CircusConfig.of(List.of(
            sleepers("web", 1).priority(2).build(), sleepers("Web2", 1).priority(1).build(), sleepers("worker", 1).build())))
            .build();

    @AfterEach
    void quit() {
        arbiter.quit().join();
    }

    private List<String> select(String name, String match) {
        return WatcherSelector.select(arbiter, name, match).stream().map(Watcher::name).toList();
    }

    @Test
    void globIsTheDefaultAndMatchesTheWholeNameInAnyCase() {
        assertEquals(List.of("web", "Web2"), select("WEB*", ""));
        assertEquals(List.of("web", "Web2", "worker"), select("w*", "glob"));
        assertEquals(List.of("Web2"), select("web[0-9]", "glob"));
        assertEquals(List.of("web", "Web2", "worker"), select("", "glob"), "empty selects all, in start order");
    }

    @Test
    void simpleIsExactAndRegexIsAnchoredAtTheStartOnly() {
        assertEquals(List.of("Web2"), select("web2", "simple"));
        assertEquals(List.of("web", "Web2"), select("we", "regex"));
        assertEquals(List.of("worker"), select("\\w+r$", "regex"));
    }

    @Test
    void errorsUseCircusMessages() {
        assertEquals("program nope not found",
                assertThrows(IllegalArgumentException.class, () -> select("nope", "glob")).getMessage());
        assertEquals("unknown match method fuzzy",
                assertThrows(IllegalArgumentException.class, () -> select("web", "fuzzy")).getMessage());
        assertEquals("program we not found",
                assertThrows(IllegalArgumentException.class, () -> select("we", "simple")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> select("(", "regex"));
    }

    @Test
    void globTranslationFollowsFnmatch() {
        assertEquals(".*\\Q.\\E.\\Qa\\E[^xy]", WatcherSelector.glob("*.?a[!xy]"));
    }
}
