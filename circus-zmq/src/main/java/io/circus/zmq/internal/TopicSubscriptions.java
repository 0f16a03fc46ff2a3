package io.circus.zmq.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.zeromq.ZMQ;

/**
 * The topic prefixes an XPUB socket's subscribers hold, so that its owner (and the threads feeding
 * it) can skip building a message nobody would receive. An XPUB hands up {@code 1 + prefix} when a
 * prefix is first subscribed by any subscriber and {@code 0 + prefix} when the last one abandons it
 * (also by disconnecting), so a set of prefixes is exact.
 *
 * <p>A message skipped because no prefix matched is one the socket would have dropped anyway: a
 * subscription only counts from the moment the owner read it, which is also when a test or a
 * client can see it in the channel's {@code Subscriptions} attribute.
 *
 * <p>Threading: {@link #read} and {@link #record} on the socket's owner thread only; {@link #matches}, {@link
 * #feeds} and {@link #count} from any thread (an immutable snapshot, replaced on each change).
 */
public final class TopicSubscriptions {

    /** Prefixes as the bytes subscribers sent: topics are matched as UTF-8 bytes, as ZeroMQ does. */
    private volatile List<byte[]> prefixes = List.of();

    /** Reads every pending (un)subscription from {@code xpub} without waiting; owner thread. */
    public void read(ZMQ.Socket xpub) {
        byte[] m;
        while ((m = xpub.recv(ZMQ.DONTWAIT)) != null) {
            record(m);
        }
    }

    /**
     * Applies one message as an XPUB hands it up ({@code 1 + prefix} or {@code 0 + prefix}; anything
     * else is ignored); the owner thread, or a test standing in for a subscriber.
     */
    public void record(byte[] message) {
        if (message.length == 0 || message[0] > 1) {
            return; // not a subscription message
        }
        byte[] prefix = Arrays.copyOfRange(message, 1, message.length);
        List<byte[]> next = new ArrayList<>(prefixes);
        next.removeIf(p -> Arrays.equals(p, prefix));
        if (message[0] == 1) {
            next.add(prefix);
        }
        prefixes = List.copyOf(next);
    }

    /** Whether a message on {@code topic} reaches some subscriber (ZeroMQ's prefix match). */
    public boolean matches(byte[] topic) {
        for (byte[] prefix : prefixes) {
            if (startsWith(topic, prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code topic} or one of its sub-topics ({@code topic.<x>}) reaches some subscriber:
     * for a producer that decides per group whether to build the group's messages at all.
     */
    public boolean feeds(String topic) {
        if (prefixes.isEmpty()) {
            return false;
        }
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        byte[] group = (topic + ".").getBytes(StandardCharsets.UTF_8);
        for (byte[] prefix : prefixes) {
            if (startsWith(t, prefix) || startsWith(prefix, group)) {
                return true;
            }
        }
        return false;
    }

    /** Whether nobody subscribes to anything. */
    public boolean isEmpty() {
        return prefixes.isEmpty();
    }

    /** Distinct prefixes subscribed now. */
    public int count() {
        return prefixes.size();
    }

    private static boolean startsWith(byte[] s, byte[] prefix) {
        return s.length >= prefix.length && Arrays.equals(s, 0, prefix.length, prefix, 0, prefix.length);
    }
}
