package io.circus.zmq;

import com.fasterxml.jackson.databind.JsonNode;
import io.circus.protocol.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** A DEALER (or REQ) that sends raw frames and reads raw replies, for protocol tests. */
final class RawPeer implements AutoCloseable {

    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    private final ZContext context = new ZContext(1);
    private final ZMQ.Socket socket;

    RawPeer(String endpoint) {
        this(endpoint, SocketType.DEALER);
    }

    RawPeer(String endpoint, SocketType type) {
        socket = context.createSocket(type);
        socket.setLinger(0);
        // JeroMQ 0.6.0 connecting sockets sometimes stall in the handshake: see io.circus.zmq.client.Handshake.
        socket.setHandshakeIvl(1000);
        socket.setIdentity(UUID.randomUUID().toString().replace("-", "").getBytes(StandardCharsets.US_ASCII));
        socket.connect(endpoint);
    }

    void send(byte[]... frames) {
        for (int i = 0; i < frames.length; i++) {
            socket.send(frames[i], i < frames.length - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    void send(String json) {
        send(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The frames of the next message, or null when none comes within the timeout. */
    List<byte[]> frames(Duration timeout) {
        socket.setReceiveTimeOut((int) timeout.toMillis());
        byte[] first = socket.recv(0);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        return frames;
    }

    /** The next reply's text, which must come as one frame. */
    String text() {
        List<byte[]> frames = frames(REPLY_TIMEOUT);
        if (frames == null) {
            throw new AssertionError("no reply within " + REPLY_TIMEOUT);
        }
        if (frames.size() != 1) {
            throw new AssertionError("a reply of " + frames.size() + " frames");
        }
        return new String(frames.getFirst(), StandardCharsets.US_ASCII);
    }

    JsonNode reply() {
        try {
            return WireJson.parse(text());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Sends one JSON request and returns its reply. */
    JsonNode call(String json) {
        send(json);
        return reply();
    }

    @Override
    public void close() {
        socket.close();
        context.close();
    }
}
