package io.circus.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the reports of several watchers' operations add up for a group. */
class PidReportTest {

    @Test
    void sideBySideOperationsAddUp() {
        PidReport web = new PidReport(List.of(3L, 5L), List.of(1L), List.of(9L));
        PidReport worker = new PidReport(List.of(4L), List.of(2L), List.of());
        assertEquals(new PidReport(List.of(3L, 4L, 5L), List.of(1L, 2L), List.of(9L)), web.and(worker));
        assertEquals(web, PidReport.NONE.and(web));
    }

    @Test
    void aStopThenAStartIsARestart() {
        PidReport stop = new PidReport(List.of(), List.of(1L, 2L), List.of(3L));
        PidReport start = new PidReport(List.of(7L, 8L), List.of(), List.of(3L));
        assertEquals(new PidReport(List.of(7L, 8L), List.of(1L, 2L), List.of(3L)), stop.then(start));
    }

    @Test
    void whatTheFirstStartedAndTheNextStoppedIsNeitherStartedNorStopped() {
        PidReport first = new PidReport(List.of(10L, 11L), List.of(1L), List.of(2L));
        PidReport next = new PidReport(List.of(12L), List.of(10L, 2L), List.of(11L));
        assertEquals(new PidReport(List.of(11L, 12L), List.of(1L, 2L), List.of()), first.then(next));
    }
}
