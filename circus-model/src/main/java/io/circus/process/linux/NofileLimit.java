package io.circus.process.linux;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.circus.os.linux.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The process-wide {@code RLIMIT_NOFILE} through {@code getrlimit}/{@code setrlimit}. HotSpot raises
 * its soft limit to the hard one at start unless run with {@code -XX:-MaxFDLimit} (as circusd is),
 * and then every child would inherit the raised value; the launcher instead raises it on request
 * and hands each child the limit it would have had. Stateless, any thread.
 */
final class NofileLimit {

    private NofileLimit() {
    }

    /** {soft, hard}, with {@link LinuxConstants#RLIM_INFINITY} for unlimited; null if the call failed. */
    static long[] get() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment lim = arena.allocate(JAVA_LONG, 2);
            if (Libc.getrlimit(LinuxConstants.RLIMIT_NOFILE, lim) != 0) {
                return null;
            }
            return new long[] {lim.getAtIndex(JAVA_LONG, 0), lim.getAtIndex(JAVA_LONG, 1)};
        }
    }

    /** Sets the soft limit, keeping the hard one; 0 or minus errno. */
    static int setSoft(long soft, long hard) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment lim = arena.allocate(JAVA_LONG, 2);
            lim.setAtIndex(JAVA_LONG, 0, soft);
            lim.setAtIndex(JAVA_LONG, 1, hard);
            return Libc.setrlimit(LinuxConstants.RLIMIT_NOFILE, lim);
        }
    }

    /** Orders limits with unlimited ({@code -1}) above every number. */
    static int compare(long a, long b) {
        return Long.compareUnsigned(a, b);
    }
}
