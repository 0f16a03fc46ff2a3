package io.circus.console.web;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.circus.jmx.audit.Caller;
import io.circus.jmx.audit.CallerContext;
import io.circus.security.LoopbackGate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * docs/security.md for the HTTP endpoints: without a password file (loopback only) a request is
 * served only when the local user who opened its connection is trusted ({@link LoopbackGate}), so
 * {@code nobody} cannot drive the MBeans through Jolokia; and every request runs with its caller
 * known to the audit trail ({@code http USER@ADDRESS} or {@code http ADDRESS uid=N}).
 *
 * <p>Threading: runs on the server's handler threads; stateless.
 */
final class LocalUserFilter extends Filter {

    private final LoopbackGate gate;

    /** @param gate the uid check, or null when a password file authenticates every request */
    LocalUserFilter(LoopbackGate gate) {
        this.gate = gate;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (gate != null) {
            LoopbackGate.Verdict v = gate.check(exchange.getRemoteAddress(), exchange.getLocalAddress());
            if (!v.admitted()) {
                byte[] body = ("refused: " + v.reason() + "\n").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(403, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
                return;
            }
        }
        Caller caller = new Caller("http", () -> who(exchange));
        try {
            CallerContext.call(caller, () -> {
                chain.doFilter(exchange);
                return null;
            });
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private String who(HttpExchange exchange) {
        String address = exchange.getRemoteAddress().getAddress().getHostAddress() + ":"
                + exchange.getRemoteAddress().getPort();
        if (exchange.getPrincipal() != null) {
            return exchange.getPrincipal().getUsername() + "@" + address;
        }
        OptionalInt uid = gate == null ? OptionalInt.empty()
                : gate.credentials().uidOf(exchange.getRemoteAddress(), exchange.getLocalAddress());
        return uid.isPresent() ? address + " uid=" + uid.getAsInt() : address;
    }

    @Override
    public String description() {
        return "admits trusted local users on loopback and names the caller for the audit trail";
    }
}
