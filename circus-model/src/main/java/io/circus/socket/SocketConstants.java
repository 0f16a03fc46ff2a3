package io.circus.socket;

/**
 * Linux values of the socket constants the binder passes to libc (bound in {@link
 * io.circus.os.linux.Libc}).
 */
final class SocketConstants {

    static final int AF_UNIX = 1;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int SOCK_NONBLOCK = 0x800;
    static final int SOL_SOCKET = 1;
    static final int SO_REUSEADDR = 2;
    static final int SO_REUSEPORT = 15;
    static final int SO_BINDTODEVICE = 25;
    static final short POLLIN = 1;
    static final int EINTR = 4;

    private SocketConstants() {
    }
}
