package io.circus.process.linux;

import io.circus.process.InheritedFd;
import io.circus.process.Stdio;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ordered file actions that give a child exactly its descriptors: 0, 1 and 2 as requested, the
 * passed descriptors at their chosen numbers, and nothing else.
 *
 * <p>Pure computation (no system calls), so the ordering rules are unit-tested on their own:
 * <ol>
 *   <li>A source descriptor that is also some <em>other</em> mapping's target would be overwritten
 *       before it is read; it is first duplicated to a free slot above every number involved.</li>
 *   <li>Then every mapping is applied with {@code dup2} (which clears close-on-exec, even when the
 *       numbers are equal, glibc &ge; 2.35), and {@code /dev/null} is opened where requested.</li>
 *   <li>Finally every other descriptor is closed: the gaps below the highest target one by one, and
 *       everything above it with {@code closefrom}. The daemon creates all its descriptors
 *       close-on-exec, but the JVM itself keeps a few that are not (spawn-probe §5.4).</li>
 * </ol>
 */
final class FileActionPlan {

    /** One file action, in the order it must be added. */
    sealed interface Action {
    }

    record Dup2(int from, int to) implements Action {
    }

    record OpenDevNull(int fd, boolean write) implements Action {
    }

    record Close(int fd) implements Action {
    }

    record CloseFrom(int lowFd) implements Action {
    }

    private record Mapping(int source, int target) {
    }

    private FileActionPlan() {
    }

    /**
     * Plans the actions.
     *
     * @param stdin        NULL or INHERIT; ignored when an inherited descriptor targets 0
     * @param stdout       how stdout is set up; PIPE uses {@code stdoutWrite}
     * @param stdoutWrite  the write end of the stdout pipe, or -1
     * @param stderr       how stderr is set up; PIPE uses {@code stderrWrite}
     * @param stderrWrite  the write end of the stderr pipe, or -1
     * @param inherited    daemon descriptors to pass
     * @throws IllegalArgumentException when two passed descriptors target the same number or one
     *                                  targets stdout/stderr
     */
    static List<Action> plan(Stdio stdin, Stdio stdout, int stdoutWrite, Stdio stderr, int stderrWrite,
                             List<InheritedFd> inherited) {
        List<Mapping> mappings = new ArrayList<>();
        Set<Integer> targets = new HashSet<>();
        boolean stdinPassed = false;
        for (InheritedFd fd : inherited) {
            if (fd.childFd() == 1 || fd.childFd() == 2) {
                throw new IllegalArgumentException("a passed descriptor cannot replace stdout or stderr: " + fd);
            }
            if (!targets.add(fd.childFd())) {
                throw new IllegalArgumentException("two descriptors passed as child fd " + fd.childFd());
            }
            stdinPassed |= fd.childFd() == 0;
        }
        List<Action> opens = new ArrayList<>();
        if (!stdinPassed && stdin == Stdio.NULL) {
            opens.add(new OpenDevNull(0, false));
        }
        addStream(1, stdout, stdoutWrite, mappings, opens);
        addStream(2, stderr, stderrWrite, mappings, opens);
        for (InheritedFd fd : inherited) {
            mappings.add(new Mapping(fd.parentFd(), fd.childFd()));
        }
        targets.add(0);
        targets.add(1);
        targets.add(2);

        int highest = 2;
        for (Mapping m : mappings) {
            highest = Math.max(highest, Math.max(m.source(), m.target()));
        }
        List<Action> actions = new ArrayList<>();
        int spare = highest + 1;
        List<Mapping> safe = new ArrayList<>(mappings.size());
        for (Mapping m : mappings) {
            if (m.source() != m.target() && targets.contains(m.source())) {
                actions.add(new Dup2(m.source(), spare));
                safe.add(new Mapping(spare++, m.target()));
            } else {
                safe.add(m);
            }
        }
        for (Mapping m : safe) {
            actions.add(new Dup2(m.source(), m.target()));
        }
        actions.addAll(opens);
        int maxTarget = 2;
        for (int t : targets) {
            maxTarget = Math.max(maxTarget, t);
        }
        for (int fd = 3; fd < maxTarget; fd++) {
            if (!targets.contains(fd)) {
                actions.add(new Close(fd));
            }
        }
        actions.add(new CloseFrom(maxTarget + 1));
        return actions;
    }

    private static void addStream(int fd, Stdio mode, int pipeWrite, List<Mapping> mappings, List<Action> opens) {
        switch (mode) {
            case PIPE -> {
                if (pipeWrite < 0) {
                    throw new IllegalArgumentException("piped fd " + fd + " without a pipe");
                }
                mappings.add(new Mapping(pipeWrite, fd));
            }
            case NULL -> opens.add(new OpenDevNull(fd, true));
            case INHERIT -> {
                // The daemon's own descriptor stays where it is: it is not close-on-exec.
            }
        }
    }
}
