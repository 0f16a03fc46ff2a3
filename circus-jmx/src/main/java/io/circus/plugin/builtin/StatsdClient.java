package io.circus.plugin.builtin;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends statsd metrics over UDP the way Circus's {@code StatsdClient} does: one datagram per metric,
 * {@code <prefix>.<bucket>:<value>|c} (counter), {@code |g} (gauge) or {@code |ms} (timer), with
 * {@code |@<rate>} appended when the sample rate is not 1. As in Circus the rate is only announced,
 * never applied here: every call sends.
 *
 * <p>Threading: thread-safe (a datagram send is atomic). A send that fails (no route, buffer full) is
 * counted and otherwise ignored: metrics must never stop a plugin.
 */
public final class StatsdClient implements AutoCloseable {

    private final InetSocketAddress target;
    private final String prefix;
    private final String rateSuffix;
    private final DatagramChannel channel;
    private final LongAdder failures = new LongAdder();

    /**
     * @param host       where statsd listens (a name is resolved once, here)
     * @param port       its UDP port
     * @param prefix     prepended to every bucket with a dot; empty for none
     * @param sampleRate announced with each metric when not 1
     * @throws IOException when no UDP socket can be opened
     */
    public StatsdClient(String host, int port, String prefix, double sampleRate) throws IOException {
        this.target = new InetSocketAddress(host, port);
        if (target.isUnresolved()) {
            throw new IOException("statsd host '" + host + "' cannot be resolved");
        }
        this.prefix = prefix == null || prefix.isEmpty() ? "" : prefix + ".";
        this.rateSuffix = sampleRate == 1.0 ? "" : "|@" + number(sampleRate);
        this.channel = DatagramChannel.open();
    }

    /** Adds one to a counter. */
    public void increment(String bucket) {
        send(bucket, "1|c");
    }

    /** Sets a gauge. */
    public void gauge(String bucket, Number value) {
        send(bucket, number(value) + "|g");
    }

    /** Records a timing in milliseconds. */
    public void timing(String bucket, long millis) {
        send(bucket, millis + "|ms");
    }

    /** Sends that could not be made since this client was opened. */
    public long failures() {
        return failures.sum();
    }

    private void send(String bucket, String value) {
        byte[] line = (prefix + bucket + ":" + value + rateSuffix).getBytes(StandardCharsets.UTF_8);
        try {
            channel.send(ByteBuffer.wrap(line), target);
        } catch (IOException e) {
            failures.increment();
        }
    }

    /** Python's {@code str()} of a number: integers plainly, floats with at least one decimal. */
    static String number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return "0";
            }
            String plain = BigDecimal.valueOf(d).toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        return String.valueOf(n.longValue());
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing is buffered in a datagram socket; closing cannot lose anything.
        }
    }
}
