package io.circus.console.ctl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;

/**
 * How the console reaches a daemon: one Circus request in, the Circus reply out. Both
 * implementations (ZeroMQ and JMX) return the very reply object Circus's protocol defines
 * ({@code status, time, <keys>, id} or {@code status, reason, tb, time, errno, id}), so that one
 * {@link ReplyRenderer} serves both and their output cannot diverge.
 *
 * <p>Threading: a transport is owned by one thread, the one that created it; {@link #call} and
 * {@link #close} are made from that thread only. {@link #listen} delivers events on a thread of the
 * transport's own, which ends when the returned handle is closed.
 */
public interface Transport extends AutoCloseable {

    /**
     * Sends a request and waits for its reply.
     *
     * @param command    the Circus command name ({@code list}, {@code status}, ...)
     * @param properties its properties, as circusctl would send them
     * @return the reply object, error replies included
     * @throws NoReplyException when no reply came within the timeout or the daemon cannot be reached
     */
    ObjectNode call(String command, ObjectNode properties) throws NoReplyException;

    /**
     * Subscribes to daemon events whose topic starts with one of the prefixes (the empty prefix is
     * every event); each event goes to the sink on the transport's event thread.
     *
     * @param endpoint where events are published when the transport needs to be told (ZeroMQ's
     *                 pub/sub endpoint); null for the transport's default
     */
    AutoCloseable listen(String endpoint, List<String> topics, Consumer<Event> sink) throws NoReplyException;

    /** Where this transport is connected, for messages. */
    String describe();

    @Override
    void close();

    /** One published event: Circus's topic ({@code watcher.<name>.<event>}) and its JSON payload. */
    record Event(String topic, String payload) {
    }
}
