package io.circus.process;

/**
 * A descriptor of the daemon (a bound socket) that the child receives at {@code childFd}.
 *
 * @param parentFd the descriptor in the daemon
 * @param childFd  the number the child sees it as; 0 makes it the child's stdin
 */
public record InheritedFd(int parentFd, int childFd) {
    public InheritedFd {
        if (parentFd < 0 || childFd < 0) {
            throw new IllegalArgumentException("descriptors must be >= 0: " + parentFd + " -> " + childFd);
        }
    }
}
