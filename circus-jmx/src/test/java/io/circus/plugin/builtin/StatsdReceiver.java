package io.circus.plugin.builtin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A statsd server for tests: a UDP socket on 127.0.0.1 and a free port, keeping every line received. */
final class StatsdReceiver implements AutoCloseable {

    final List<String> lines = new CopyOnWriteArrayList<>();
    private final DatagramChannel channel;
    private final Thread thread;

    StatsdReceiver() throws IOException {
        channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        thread = Thread.ofPlatform().daemon().name("test-statsd").start(this::run);
    }

    int port() throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        while (channel.isOpen()) {
            buffer.clear();
            try {
                channel.receive(buffer);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return;
            }
            buffer.flip();
            lines.add(StandardCharsets.UTF_8.decode(buffer).toString());
        }
    }

    /** Whether a line starting with this text was received. */
    boolean has(String prefix) {
        return lines.stream().anyMatch(l -> l.startsWith(prefix));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
