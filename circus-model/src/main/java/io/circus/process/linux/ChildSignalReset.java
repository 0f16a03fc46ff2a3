package io.circus.process.linux;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.circus.os.linux.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts SIGCHLD back to its default disposition when the daemon inherited it ignored (a parent that
 * ran {@code trap '' CHLD}, or {@code signal(SIGCHLD, SIG_IGN)} before exec). With SIGCHLD ignored
 * the kernel reaps children by itself, {@code waitid} fails with ECHILD and every exit status is
 * lost. A real handler someone installed is left alone. Any thread, once per launcher.
 */
final class ChildSignalReset {

    private static final Logger LOG = LoggerFactory.getLogger(ChildSignalReset.class);

    private ChildSignalReset() {
    }

    /** @return true when SIGCHLD was ignored and is now back to default */
    static boolean resetIfIgnored() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment old = arena.allocate(LinuxConstants.SIGACTION_SIZE, 8);
            if (Libc.sigaction(LinuxConstants.SIGCHLD, MemorySegment.NULL, old) != 0
                    || old.get(JAVA_LONG, 0) != LinuxConstants.SIG_IGN) {
                return false;
            }
            // A zeroed struct sigaction: SIG_DFL, empty mask, no flags.
            MemorySegment dfl = arena.allocate(LinuxConstants.SIGACTION_SIZE, 8);
            dfl.set(JAVA_LONG, 0, LinuxConstants.SIG_DFL);
            int r = Libc.sigaction(LinuxConstants.SIGCHLD, dfl, MemorySegment.NULL);
            if (r != 0) {
                LOG.error("SIGCHLD is ignored and cannot be reset ({}): exit statuses of children will be lost",
                        Libc.strerror(-r));
                return false;
            }
            LOG.warn("SIGCHLD was inherited ignored, which would lose every exit status; reset to default");
            return true;
        }
    }
}
