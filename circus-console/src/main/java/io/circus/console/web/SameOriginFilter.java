package io.circus.console.web;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * Refuses a request that a browser sent on behalf of another site: its {@code Origin} header names
 * a different host than the one it asked. Without it any page open in the operator's browser could
 * POST to a loopback console (no credentials needed there) and stop watchers. Non-browser clients
 * (curl, Prometheus) send no Origin and pass.
 */
final class SameOriginFilter extends Filter {

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (origin != null && (host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host)))) {
            byte[] body = ("cross-origin request refused: " + origin + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(403, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            return;
        }
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "refuses cross-origin browser requests";
    }
}
