package io.circus.process.linux;

/**
 * Linux x86-64/aarch64 constants used by the process layer, checked against the C headers
 * (spawn-probe §3). They are the same on both architectures; only struct epoll_event differs.
 */
final class LinuxConstants {

    static final int EPERM = 1;
    static final int EINTR = 4;
    static final int ESRCH = 3;
    static final int ENOENT = 2;
    static final int EACCES = 13;
    static final int ECHILD = 10;
    static final int EAGAIN = 11;
    static final int EBADF = 9;
    static final int EINVAL = 22;
    static final int ENOMEM = 12;
    /** {@code clock_gettime}'s clock that counts suspend too, as the kernel's process start times do. */
    static final int CLOCK_BOOTTIME = 7;
    static final int ENFILE = 23;
    static final int EMFILE = 24;
    static final int ENOSPC = 28;

    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_NONBLOCK = 0x800;
    static final int O_CLOEXEC = 0x80000;

    static final int F_GETFL = 3;
    static final int F_SETFL = 4;

    static final short POSIX_SPAWN_SETPGROUP = 0x02;
    static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    static final short POSIX_SPAWN_SETSID = 0x80;

    static final int EPOLL_CLOEXEC = 0x80000;
    static final int EPOLL_CTL_ADD = 1;
    static final int EPOLL_CTL_DEL = 2;
    static final int EPOLL_CTL_MOD = 3;
    static final int CLONE_FILES = 0x400;
    static final int EPOLLIN = 0x001;
    static final int EPOLLERR = 0x008;
    static final int EPOLLHUP = 0x010;
    static final int EPOLLONESHOT = 1 << 30;

    static final int EFD_CLOEXEC = 0x80000;
    static final int EFD_NONBLOCK = 0x800;

    static final int P_PID = 1;
    static final int P_PIDFD = 3;
    static final int WNOHANG = 1;
    static final int WEXITED = 4;

    static final int CLD_EXITED = 1;
    static final int CLD_KILLED = 2;
    static final int CLD_DUMPED = 3;

    /** siginfo_t is 128 bytes; the fields waitid fills for SIGCHLD. */
    static final long SIGINFO_SIZE = 128;
    static final long SI_CODE = 8;
    static final long SI_PID = 16;
    static final long SI_STATUS = 24;

    static final int PR_SET_CHILD_SUBREAPER = 36;

    static final int RLIMIT_NOFILE = 7;
    /** RLIM_INFINITY as a signed 64-bit value. */
    static final long RLIM_INFINITY = -1L;

    static final int SIGCHLD = 17;
    /** sa_handler values: SIG_DFL is 0, SIG_IGN is 1. */
    static final long SIG_DFL = 0;
    static final long SIG_IGN = 1;
    /** struct sigaction is 152 bytes on x86-64 glibc, 144 on aarch64; room for both. */
    static final long SIGACTION_SIZE = 256;

    static final int WNOWAIT = 0x01000000;

    /** struct pollfd: int fd, short events, short revents. */
    static final long POLLFD_SIZE = 8;
    static final short POLLIN = 0x001;

    private LinuxConstants() {
    }
}
