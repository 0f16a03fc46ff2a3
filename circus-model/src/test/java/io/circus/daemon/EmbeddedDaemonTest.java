package io.circus.daemon;

import static io.circus.testing.TestChildren.sleepers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.CircusConfig;
import io.circus.runtime.Watcher;
import io.circus.testing.Pids;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The embeddable daemon's lifecycle with real children: facades start in the order added, each
 * seeing the ones before it and an arbiter that has not started; close stops every process before
 * it closes the facades, in reverse; a facade that cannot start leaves nothing behind.
 */
class EmbeddedDaemonTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A facade that records what it saw when started and closed. */
    private static final class Recorder implements Facade {
        final String name;
        final List<String> journal;
        final DaemonContext context;

        Recorder(String name, List<String> journal, DaemonContext context) {
            this.name = name;
            this.journal = journal;
            this.context = context;
            journal.add("start " + name + " running=" + context.arbiter().processCount());
        }

        @Override
        public void close() {
            List<Long> alive = context.arbiter().watchers().stream().map(Watcher::pids).flatMap(List::stream)
                    .filter(Pids::alive).toList();
            journal.add("close " + name + " terminated=" + context.arbiter().terminated().isDone() + " alive=" + alive);
        }
    }

    private static final class Second extends Probe {
        Second(DaemonContext c, List<String> journal) {
            super(c, journal);
        }
    }

    /** A second facade type, to check the look-up of a facade started before. */
    private static class Probe implements Facade {
        final Optional<Recorder> before;

        Probe(DaemonContext c, List<String> journal) {
            before = c.facade(Recorder.class);
            journal.add("start probe saw=" + before.map(r -> r.name).orElse("nothing"));
        }

        @Override
        public void close() {
        }
    }

    @Test
    void facadesStartInOrderBeforeAnyProcessAndCloseInReverseAfterEveryProcess() {
        List<String> journal = new ArrayList<>();
        CircusConfig config = CircusConfig.of(List.of(sleepers("web", 2).build()));
        List<Long> pids;
        try (EmbeddedDaemon daemon = EmbeddedDaemon.builder(config).closeTimeout(TIMEOUT)
                .facade(c -> new Recorder("first", journal, c))
                .facade(c -> new Second(c, journal))
                .facade(c -> new Recorder("last", journal, c))
                .start(TIMEOUT)) {
            pids = daemon.arbiter().watcher("web").orElseThrow().pids();
            assertEquals(2, pids.size());
            assertSame(daemon.facade(Recorder.class).orElseThrow(), daemon.facade(Recorder.class).orElseThrow());
            assertEquals("first", daemon.facade(Recorder.class).orElseThrow().name, "the first of a type is found");
            assertTrue(daemon.facade(Second.class).isPresent());
            assertEquals(List.of(), daemon.takenOver(), "no crash takeover unless asked for");
        }
        assertEquals(List.of("start first running=0", "start probe saw=first", "start last running=0",
                "close last terminated=true alive=[]", "close first terminated=true alive=[]"), journal);
        pids.forEach(pid -> assertFalse(Pids.alive(pid), "pid " + pid + " outlived close()"));
    }

    @Test
    void aFacadeThatCannotStartClosesWhatStartedAndLeavesNothingRunning() {
        List<String> journal = new ArrayList<>();
        CircusConfig config = CircusConfig.of(List.of(sleepers("web", 1).build()));
        EmbeddedDaemon.Builder builder = EmbeddedDaemon.builder(config).closeTimeout(TIMEOUT)
                .facade(c -> new Recorder("first", journal, c))
                .facade(c -> {
                    journal.add("refuse, arbiter started=" + (c.arbiter().processCount() > 0));
                    throw new IllegalStateException("[circus] endpoint = tcp://127.0.0.1:1: address in use");
                })
                .facade(c -> new Recorder("never", journal, c));
        FacadeStartException e = assertThrows(FacadeStartException.class, builder::build);
        assertEquals("[circus] endpoint = tcp://127.0.0.1:1: address in use", e.getMessage());
        assertTrue(e.getCause() instanceof IllegalStateException, "the facade's own exception is the cause");
        assertEquals(List.of("start first running=0", "refuse, arbiter started=false",
                "close first terminated=true alive=[]"), journal);
    }

    @Test
    void closeIsIdempotentAndAfterQuitOnlyClosesTheFacades() throws Exception {
        List<String> journal = new ArrayList<>();
        CircusConfig config = CircusConfig.of(List.of(sleepers("web", 1).build()));
        EmbeddedDaemon daemon = EmbeddedDaemon.builder(config).facade(c -> new Recorder("only", journal, c)).start(TIMEOUT);
        long pid = daemon.arbiter().watcher("web").orElseThrow().pids().getFirst();
        daemon.arbiter().quit().get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(daemon.terminated().isDone());
        daemon.close();
        daemon.close();
        assertEquals(List.of("start only running=0", "close only terminated=true alive=[]"), journal);
        assertFalse(Pids.alive(pid));
    }
}
