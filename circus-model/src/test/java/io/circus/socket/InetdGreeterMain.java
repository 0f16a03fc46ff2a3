package io.circus.socket;

import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * inetd-style child for {@link SocketPassingTest}: its stdin is a listening socket passed by the
 * daemon; it accepts one connection, greets it and exits.
 */
public final class InetdGreeterMain {

    private InetdGreeterMain() {
    }

    public static void main(String[] args) throws Exception {
        Channel inherited = System.inheritedChannel();
        if (!(inherited instanceof ServerSocketChannel server)) {
            System.err.println("stdin is not a listening socket: " + inherited);
            System.exit(2);
            return;
        }
        try (SocketChannel client = server.accept()) {
            client.write(ByteBuffer.wrap(("hello from " + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
        }
    }
}
