package io.circus.process.linux;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failures the kernel does not produce on demand ({@code fcntl} on a fresh pipe, {@code epoll_wait}
 * on a valid set), injected once by tests so the recovery paths around them are exercised. Nothing
 * in production sets them; an unset seam costs one volatile read per call.
 */
final class FaultSeam {

    private static final AtomicInteger FCNTL_ERRNO = new AtomicInteger();

    private FaultSeam() {
    }

    /** The next {@code fcntl(O_NONBLOCK)} of a spawn fails with this errno (tests only). */
    static void failNextFcntl(int errno) {
        FCNTL_ERRNO.set(errno);
    }

    static int takeFcntlErrno() {
        return FCNTL_ERRNO.get() == 0 ? 0 : FCNTL_ERRNO.getAndSet(0);
    }
}
