package io.circus.process.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.circus.process.InheritedFd;
import io.circus.process.Stdio;
import io.circus.process.linux.FileActionPlan.Close;
import io.circus.process.linux.FileActionPlan.CloseFrom;
import io.circus.process.linux.FileActionPlan.Dup2;
import io.circus.process.linux.FileActionPlan.OpenDevNull;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileActionPlanTest {

    @Test
    void stdioOnly() {
        assertEquals(List.of(new Dup2(11, 1), new OpenDevNull(0, false), new OpenDevNull(2, true), new CloseFrom(3)),
                FileActionPlan.plan(Stdio.NULL, Stdio.PIPE, 11, Stdio.NULL, -1, List.of()));
    }

    @Test
    void inheritLeavesTheDaemonsDescriptor() {
        assertEquals(List.of(new CloseFrom(3)),
                FileActionPlan.plan(Stdio.INHERIT, Stdio.INHERIT, -1, Stdio.INHERIT, -1, List.of()));
    }

    @Test
    void passedDescriptorsKeepTheirNumberAndGapsAreClosed() {
        assertEquals(List.of(new Dup2(20, 3), new Dup2(7, 7), new Close(4), new Close(5), new Close(6),
                        new CloseFrom(8)),
                FileActionPlan.plan(Stdio.INHERIT, Stdio.INHERIT, -1, Stdio.INHERIT, -1,
                        List.of(new InheritedFd(20, 3), new InheritedFd(7, 7))));
    }

    @Test
    void socketOnStdinReplacesDevNull() {
        assertEquals(List.of(new Dup2(9, 0), new CloseFrom(3)),
                FileActionPlan.plan(Stdio.NULL, Stdio.INHERIT, -1, Stdio.INHERIT, -1, List.of(new InheritedFd(9, 0))));
    }

    @Test
    void crossingMappingsGoThroughSpareSlots() {
        // 5 -> 6 and 6 -> 5: each source is the other's target.
        assertEquals(List.of(new Dup2(5, 7), new Dup2(6, 8), new Dup2(7, 6), new Dup2(8, 5), new Close(3),
                        new Close(4), new CloseFrom(7)),
                FileActionPlan.plan(Stdio.INHERIT, Stdio.INHERIT, -1, Stdio.INHERIT, -1,
                        List.of(new InheritedFd(5, 6), new InheritedFd(6, 5))));
    }

    @Test
    void aPipeLandingOnAPassedTargetIsDuplicatedFirst() {
        // stdout pipe write end is 3, and a socket is passed as child fd 3.
        assertEquals(List.of(new Dup2(3, 10), new Dup2(10, 1), new Dup2(9, 3), new CloseFrom(4)),
                FileActionPlan.plan(Stdio.INHERIT, Stdio.PIPE, 3, Stdio.INHERIT, -1, List.of(new InheritedFd(9, 3))));
    }

    @Test
    void refusesAmbiguousTargets() {
        assertThrows(IllegalArgumentException.class, () -> FileActionPlan.plan(Stdio.NULL, Stdio.PIPE, 10,
                Stdio.NULL, -1, List.of(new InheritedFd(4, 1))));
        assertThrows(IllegalArgumentException.class, () -> FileActionPlan.plan(Stdio.NULL, Stdio.NULL, -1,
                Stdio.NULL, -1, List.of(new InheritedFd(4, 3), new InheritedFd(5, 3))));
    }
}
