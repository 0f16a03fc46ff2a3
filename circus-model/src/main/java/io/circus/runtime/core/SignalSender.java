package io.circus.runtime.core;

import io.circus.process.ManagedProcess;
import io.circus.process.ProcessLauncher;
import io.circus.process.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The {@code signal} command: a signal to processes and, optionally, their children or whole tree. */
final class SignalSender {

    private final ProcessLauncher launcher;

    SignalSender(ProcessLauncher launcher) {
        this.launcher = launcher;
    }

    List<Long> send(List<ProcessSlot> targets, Signal signal, boolean children, boolean recursive) {
        List<Long> signalled = new ArrayList<>();
        for (ProcessSlot slot : targets) {
            ManagedProcess p = slot.process();
            if (p == null) {
                continue;
            }
            // Circus's branches: "children" reaches the direct children only (recursive or not);
            // otherwise the process, and with "recursive" every descendant too. Descendants are looked
            // up before signalling: a dying parent's children are re-parented.
            List<Long> kin = children ? pids(ProcessHandle.of(p.pid()).stream().flatMap(ProcessHandle::children))
                    : recursive ? pids(ProcessHandle.of(p.pid()).stream().flatMap(ProcessHandle::descendants))
                    : List.of();
            if (!children && p.signal(signal)) {
                signalled.add(p.pid());
            }
            for (long pid : kin) {
                if (launcher.signalPid(pid, signal)) {
                    signalled.add(pid);
                }
            }
        }
        return signalled;
    }

    private static List<Long> pids(Stream<ProcessHandle> handles) {
        return handles.map(ProcessHandle::pid).toList();
    }
}
