package io.circus.plugin.builtin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the watchdog's UDP heartbeats: each datagram is decoded as UTF-8 and matched against a
 * pattern with a {@code pid} group (Circus's default {@code ^(?P<pid>.*);(?P<timestamp>.*)$}); the
 * pid of a matching datagram is handed on. Python's {@code (?P<name>…)} and {@code (?P=name)} are
 * accepted, so a Circus {@code msg_regex} works unchanged.
 *
 * <p>Threading: one daemon thread of its own blocks in {@code receive} and calls the consumer on it;
 * the consumer must be thread-safe and quick. {@link #close()} ends the thread.
 */
public final class HeartbeatReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatReceiver.class);

    private final DatagramChannel channel;
    private final Pattern pattern;
    private final LongConsumer onBeat;
    private final Thread thread;
    // Written by the receiving thread only.
    private volatile long received;
    private volatile long malformed;

    private HeartbeatReceiver(DatagramChannel channel, Pattern pattern, LongConsumer onBeat, String name) {
        this.channel = channel;
        this.pattern = pattern;
        this.onBeat = onBeat;
        this.thread = Thread.ofPlatform().daemon().name("circus-watchdog-" + name).unstarted(this::run);
    }

    /**
     * Binds and starts receiving.
     *
     * @param address  where to listen (port 0 for any free one)
     * @param msgRegex the heartbeat pattern, with a group named {@code pid}
     * @param onBeat   called with the pid of every well-formed heartbeat
     * @param name     the plugin's name, for the thread and logs
     * @throws IllegalArgumentException when the pattern is invalid or has no {@code pid} group
     * @throws IOException              when the address cannot be bound, naming it
     */
    public static HeartbeatReceiver start(InetSocketAddress address, String msgRegex, LongConsumer onBeat, String name)
            throws IOException {
        Pattern pattern = compile(msgRegex);
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.bind(address);
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot listen for heartbeats on udp " + address.getHostString() + ":"
                    + address.getPort() + ": " + e.getMessage(), e);
        }
        HeartbeatReceiver receiver = new HeartbeatReceiver(channel, pattern, onBeat, name);
        receiver.thread.start();
        return receiver;
    }

    /**
     * Compiles a heartbeat pattern, translating Python's named-group syntax.
     *
     * @throws IllegalArgumentException naming the pattern when it is invalid or lacks a {@code pid} group
     */
    public static Pattern compile(String msgRegex) {
        String java = msgRegex.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
        Pattern pattern;
        try {
            pattern = Pattern.compile(java);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("msg_regex '" + msgRegex + "' is not a valid pattern: "
                    + e.getDescription());
        }
        if (!pattern.namedGroups().containsKey("pid")) {
            throw new IllegalArgumentException("msg_regex '" + msgRegex + "' has no group named pid, e.g. (?P<pid>\\d+)");
        }
        return pattern;
    }

    /** The bound address (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("heartbeat socket closed", e);
        }
    }

    /** Datagrams received so far. */
    public long received() {
        return received;
    }

    /** Datagrams that did not match the pattern or whose pid was not a number. */
    public long malformed() {
        return malformed;
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        while (channel.isOpen()) {
            SocketAddress from;
            buffer.clear();
            try {
                from = channel.receive(buffer);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("watchdog: receiving a heartbeat failed: {}", e.toString());
                continue;
            }
            received++;
            buffer.flip();
            String text = StandardCharsets.UTF_8.decode(buffer).toString();
            Matcher m = pattern.matcher(text);
            if (!m.lookingAt()) { // Python's re.match: anchored at the start only
                malformed++;
                LOG.debug("watchdog: heartbeat '{}' from {} does not match msg_regex", text, from);
                continue;
            }
            try {
                onBeat.accept(Long.parseLong(m.group("pid").strip()));
            } catch (NumberFormatException | IllegalStateException e) {
                malformed++;
                LOG.debug("watchdog: heartbeat '{}' from {} has no numeric pid", text, from);
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a datagram socket loses nothing.
        }
    }
}
