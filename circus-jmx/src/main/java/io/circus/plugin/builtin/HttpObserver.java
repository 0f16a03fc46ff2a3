package io.circus.plugin.builtin;

import io.circus.jmx.WatcherMXBean;
import io.circus.plugin.Plugin;
import io.circus.plugin.PluginAction;
import io.circus.plugin.PluginContext;
import io.circus.plugin.PluginOptionException;
import io.circus.plugin.PluginOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code circus.plugins.http_observer.HttpObserver}: every {@code loop_rate} seconds (60) fetches
 * {@code check_url} (http://localhost/) within {@code timeout} seconds (10), connecting, redirects
 * and answer together. A success (a 2xx status,
 * after redirects) records the timer {@code http_stats.request_time}; a failure counts
 * {@code http_stats.error} and {@code http_stats.error.<status>} (599 when no response came, as
 * Tornado reports it) and, when {@code restart_on_error} names a watcher, restarts it and counts
 * {@code http_stats.restart_on_error}. The statsd prefix is {@code circus.http_observer.watcher}
 * unless {@code application_name} says otherwise.
 *
 * <p>Threading: called on the plugin's thread only; the request blocks it for at most the timeout.
 */
public final class HttpObserver implements Plugin {

    /** Tornado's code for a request that got no response (refused, timed out). */
    static final int NO_RESPONSE = 599;

    private PluginContext context;
    private StatsdClient statsd;
    private HttpClient client;
    private URI url;
    private Duration timeout;
    private String restartOnError;

    @Override
    public void start(PluginContext context) throws Exception {
        this.context = context;
        PluginOptions options = context.options();
        url = options.convert("check_url", URI.create("http://localhost/"), HttpObserver::httpUri);
        double seconds = options.number("timeout", 10);
        if (!(seconds > 0)) {
            throw new PluginOptionException(options.plugin(), "timeout", options.text("timeout", ""),
                    "expected a number of seconds above 0");
        }
        timeout = Duration.ofNanos((long) (seconds * 1e9));
        restartOnError = options.text("restart_on_error").filter(s -> !s.isEmpty()).orElse(null);
        Duration period = StatsdOptions.loopRate(options, 60);
        statsd = StatsdOptions.open(options, "http_observer");
        client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        context.scheduleEvery(period, this::lookAfter);
    }

    private static URI httpUri(String text) {
        try {
            URI uri = new URI(text);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("expected an http:// or https:// URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getReason());
        }
    }

    private void lookAfter() {
        context.checked();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        long started = System.nanoTime();
        int status;
        String problem;
        // One deadline for connecting, redirects and the answer, so the plugin's thread is never held longer.
        CompletableFuture<HttpResponse<Void>> pending = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            HttpResponse<Void> response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            status = response.statusCode();
            problem = "status " + status;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            status = NO_RESPONSE;
            problem = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        } catch (TimeoutException e) {
            pending.cancel(true);
            status = NO_RESPONSE;
            problem = "no answer within " + timeout.toMillis() + " ms";
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return;
        }
        if (status >= 200 && status < 300) {
            statsd.timing("http_stats.request_time", (System.nanoTime() - started) / 1_000_000);
            return;
        }
        statsd.increment("http_stats.error");
        statsd.increment("http_stats.error." + status);
        if (restartOnError == null) {
            context.acted(null, PluginAction.REPORT, url + " failed: " + problem);
            return;
        }
        Optional<WatcherMXBean> watcher = context.watcher(restartOnError);
        if (watcher.isEmpty()) {
            context.failed(url + " failed (" + problem + ") but restart_on_error names no watcher: "
                    + restartOnError, null);
            return;
        }
        watcher.get().restart(false);
        statsd.increment("http_stats.restart_on_error");
        context.acted(restartOnError, PluginAction.RESTART, url + " failed: " + problem + "; restarted " + restartOnError);
    }

    @Override
    public void stop() {
        if (statsd != null) {
            statsd.close();
        }
        if (client != null) {
            client.close();
        }
    }
}
