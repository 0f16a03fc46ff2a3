package io.circus.zmq.auth;

/**
 * The TCP port behind a bound endpoint. JeroMQ 0.6.0 serves {@code ipc://NAME} on a loopback port
 * derived from the name's hash (its IpcAddress: {@code |hash| % 55536 + 10000}), so the same uid check
 * can guard it.
 */
final class BoundPort {

    private BoundPort() {
    }

    static int of(String endpoint) {
        if (endpoint.startsWith("ipc://")) {
            int hash = endpoint.substring("ipc://".length()).hashCode();
            if (hash < 0) {
                hash = -hash;
            }
            return hash % 55536 + 10000;
        }
        int colon = endpoint.lastIndexOf(':');
        return Integer.parseInt(endpoint.substring(colon + 1));
    }
}
