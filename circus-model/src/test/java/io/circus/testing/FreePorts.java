package io.circus.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on 127.0.0.1, for the daemons and connectors tests start (tests bind loopback only). */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port free on 127.0.0.1 just now (another process may take it before the test binds it). */
    public static int loopback() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
