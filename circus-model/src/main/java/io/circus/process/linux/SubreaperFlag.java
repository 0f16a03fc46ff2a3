package io.circus.process.linux;

import io.circus.os.linux.Libc;

/**
 * The process-wide {@code PR_SET_CHILD_SUBREAPER} flag, held while at least one launcher reaps
 * orphans. Without a running orphan scan, adopted orphans would stay zombies, so the last launcher
 * to close gives the flag back (orphans then go to init, as without Circus).
 *
 * <p>Threading: any thread; calls are serialised on the class.
 */
final class SubreaperFlag {

    private static int holders;

    private SubreaperFlag() {
    }

    /** Sets the flag if needed; false when the kernel refused it. */
    static synchronized boolean acquire() {
        if (holders == 0 && Libc.prctl(LinuxConstants.PR_SET_CHILD_SUBREAPER, 1) != 0) {
            return false;
        }
        holders++;
        return true;
    }

    static synchronized void release() {
        if (holders > 0 && --holders == 0) {
            Libc.prctl(LinuxConstants.PR_SET_CHILD_SUBREAPER, 0);
        }
    }
}
