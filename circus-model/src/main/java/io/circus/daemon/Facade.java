package io.circus.daemon;

/**
 * A started management facade of an {@link EmbeddedDaemon} (the JMX beans, the ZeroMQ channels, the
 * web console): what a {@link FacadeFactory} returns. The daemon closes its facades in the reverse
 * order of their start, after the arbiter has stopped every process.
 *
 * <p>Threading: {@link #close()} is called once, on the thread that closes the daemon; it blocks
 * until the facade's own threads have stopped and must not throw.
 */
public interface Facade extends AutoCloseable {

    @Override
    void close();
}
