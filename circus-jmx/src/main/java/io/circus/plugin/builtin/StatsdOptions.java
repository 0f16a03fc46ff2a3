package io.circus.plugin.builtin;

import io.circus.plugin.PluginOptionException;
import io.circus.plugin.PluginOptions;
import java.io.IOException;

/**
 * The statsd options every statsd-speaking built-in shares, with Circus's names and defaults:
 * {@code host} (localhost), {@code port} (8125), {@code sample_rate} (1.0) and
 * {@code application_name}, which makes the prefix {@code circus.<application_name>.watcher}.
 */
final class StatsdOptions {

    private StatsdOptions() {
    }

    /**
     * Opens the client the options describe.
     *
     * @param defaultApp the plugin's default {@code application_name} ({@code app}, or
     *                   {@code http_observer} for HttpObserver, as in Circus)
     * @throws PluginOptionException for a bad port, rate or an unresolvable host
     * @throws IOException           when no UDP socket can be opened
     */
    static StatsdClient open(PluginOptions options, String defaultApp) throws IOException {
        String host = options.text("host", "localhost");
        int port = options.integer("port", 8125);
        if (port < 1 || port > 65535) {
            throw new PluginOptionException(options.plugin(), "port", String.valueOf(port), "not a UDP port (1-65535)");
        }
        double rate = options.number("sample_rate", 1.0);
        if (rate <= 0 || rate > 1) {
            throw new PluginOptionException(options.plugin(), "sample_rate", String.valueOf(rate),
                    "expected a rate above 0 and at most 1");
        }
        String app = options.text("application_name", defaultApp);
        try {
            return new StatsdClient(host, port, "circus." + app + ".watcher", rate);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("cannot be resolved")) {
                throw new PluginOptionException(options.plugin(), "host", host, "cannot be resolved");
            }
            throw e;
        }
    }

    /** The {@code loop_rate} of the periodic built-ins, in seconds, above zero. */
    static java.time.Duration loopRate(PluginOptions options, double defaultSeconds) {
        double seconds = options.number("loop_rate", defaultSeconds);
        if (!(seconds > 0)) {
            throw new PluginOptionException(options.plugin(), "loop_rate", options.text("loop_rate", ""),
                    "expected a number of seconds above 0");
        }
        return java.time.Duration.ofNanos((long) (seconds * 1e9));
    }
}
