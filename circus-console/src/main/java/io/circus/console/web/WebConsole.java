package io.circus.console.web;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.circus.config.GlobalSettings;
import io.circus.daemon.Facade;
import io.circus.jmx.metrics.CircusMetrics;
import io.circus.security.LoopbackGate;
import io.circus.security.TrustedUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.management.MBeanServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the daemon. With {@code httpd = true}: one server on httpd_host:httpd_port with the
 * page at {@code /}, Jolokia at {@code /jolokia} and metrics at {@code /metrics}. With
 * {@code prometheus_endpoint}: a second server with only {@code /metrics}. Both bind loopback unless
 * httpd_password_file is set ({@link HttpAccess}).
 *
 * <p>Threading: each server runs its handlers on a small pool of its own (a few browsers and
 * scrapers), never on the supervisor loop; every handler only reads or invokes MBeans.
 */
public final class WebConsole implements Facade {

    private static final Logger LOG = LoggerFactory.getLogger(WebConsole.class);
    private static final int THREADS = 4;

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<ExecutorService> pools = new ArrayList<>();
    private JolokiaBridge jolokia;
    private URI consoleUri;
    private URI metricsUri;

    private WebConsole() {
    }

    /** Whether these settings ask for any HTTP endpoint. */
    public static boolean wanted(GlobalSettings g) {
        return g.httpd() || g.prometheusEndpoint() != null;
    }

    /**
     * Starts what the settings ask for.
     *
     * @throws IllegalArgumentException a non-loopback bind without httpd_password_file, a bad password file
     * @throws UncheckedIOException     the port is taken
     */
    public static WebConsole start(GlobalSettings g, MBeanServer mbeans) {
        if (g.httpd()) {
            HttpAccess.checkBind("httpd_host", g.httpdHost(), g.httpdPasswordFile());
        }
        InetSocketAddress metricsAt = g.prometheusEndpoint() == null ? null : address(g.prometheusEndpoint());
        if (metricsAt != null) {
            HttpAccess.checkBind("prometheus_endpoint", metricsAt.getHostString(), g.httpdPasswordFile());
        }
        Authenticator auth = HttpAccess.authenticator(g.httpdPasswordFile());
        WebConsole web = new WebConsole();
        // Without passwords only loopback binds are allowed, and there only trusted local users.
        web.localUsers = new LocalUserFilter(auth == null ? new LoopbackGate(TrustedUsers.of(g)) : null);
        try {
            HttpHandler metrics = CircusMetrics.handler(mbeans);
            if (g.httpd()) {
                HttpServer s = web.server(new InetSocketAddress(g.httpdHost(), g.httpdPort()), "circus-httpd");
                web.jolokia = new JolokiaBridge();
                web.mount(s, "/", new StaticFiles(), auth);
                web.mount(s, "/jolokia", web.jolokia.handler(), auth);
                web.mount(s, "/metrics", metrics, auth);
                web.consoleUri = uri(s, "/");
                web.metricsUri = uri(s, "/metrics");
                LOG.info("web console at {}, metrics at {}", web.consoleUri, web.metricsUri);
            }
            if (metricsAt != null) {
                HttpServer s = web.server(metricsAt, "circus-metrics");
                web.mount(s, "/metrics", metrics, auth);
                web.metricsUri = uri(s, "/metrics");
                LOG.info("Prometheus metrics at {}", web.metricsUri);
            }
            web.servers.forEach(HttpServer::start);
            return web;
        } catch (RuntimeException e) {
            web.close();
            throw e;
        }
    }

    /** The page's address, when httpd is on. */
    public Optional<URI> consoleUri() {
        return Optional.ofNullable(consoleUri);
    }

    /** Where Prometheus scrapes: the separate endpoint if configured, else beside the page. */
    public Optional<URI> metricsUri() {
        return Optional.ofNullable(metricsUri);
    }

    private LocalUserFilter localUsers;

    private HttpServer server(InetSocketAddress at, String name) {
        HttpServer s;
        try {
            s = HttpServer.create(at, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + at + ": " + e.getMessage(), e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS,
                Thread.ofPlatform().name(name + "-", 1).daemon().factory());
        s.setExecutor(pool);
        servers.add(s);
        pools.add(pool);
        return s;
    }

    private void mount(HttpServer s, String path, HttpHandler handler, Authenticator auth) {
        HttpContext c = s.createContext(path, handler);
        c.getFilters().add(new SameOriginFilter());
        c.getFilters().add(localUsers);
        if (auth != null) {
            c.setAuthenticator(auth);
        }
    }

    private static URI uri(HttpServer s, String path) {
        InetSocketAddress a = s.getAddress();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + path);
    }

    /** {@code host:port}, IPv6 hosts in brackets. */
    static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        pools.forEach(ExecutorService::shutdownNow);
        if (jolokia != null) {
            jolokia.close();
        }
    }
}
