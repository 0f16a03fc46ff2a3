package io.circus.console.daemon;

import io.circus.config.CircusConfig;
import io.circus.config.ConfigException;
import io.circus.config.ConfigLoader;
import io.circus.config.ConfigSource;
import io.circus.daemon.EmbeddedDaemon;
import io.circus.daemon.FacadeStartException;
import io.circus.runtime.core.ArbiterCore;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code circusd}: loads the configuration, starts the arbiter and its management facades, and runs
 * until quit or SIGTERM/SIGINT. Exit status 0 after a clean stop, 1 when it cannot start, 2 for a bad
 * command line.
 */
public final class CircusDaemon {

    private CircusDaemon() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.err));
    }

    static int run(String[] args, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(DaemonOptions.USAGE);
            return 0;
        }
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println("circusd " + Version.current());
            return 0;
        }
        DaemonOptions options;
        try {
            options = DaemonOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("circusd: " + e.getMessage());
            err.print(DaemonOptions.USAGE);
            return 2;
        }
        ConfigSource source = () -> ConfigLoader.load(options.config());
        CircusConfig config;
        try {
            config = source.load();
        } catch (ConfigException e) {
            err.println("circusd: configuration error: " + e.getMessage());
            return 1;
        }
        if (options.daemon() && !Detacher.detached()) {
            try {
                Detacher.relaunch(args);
                return 0;
            } catch (IOException e) {
                err.println("circusd: cannot detach: " + e.getMessage());
                return 1;
            }
        }
        try {
            LogSetup.apply(first(options.logLevel(), config.global().loglevel()),
                    first(options.logOutput(), config.global().logoutput()));
        } catch (IllegalArgumentException e) {
            err.println("circusd: " + e.getMessage());
            return 1;
        }
        return serve(options, config, source, err);
    }

    private static int serve(DaemonOptions options, CircusConfig config, ConfigSource source, PrintStream err) {
        Logger log = LoggerFactory.getLogger(CircusDaemon.class);
        config.warnings().forEach(w -> log.warn("config: {}", w));
        PidFile pidFile = null;
        String pidPath = options.pidfile() != null ? options.pidfile().toString() : config.global().pidfile();
        try {
            if (pidPath != null) {
                pidFile = PidFile.claim(java.nio.file.Path.of(pidPath).toAbsolutePath());
            }
        } catch (IOException | IllegalStateException e) {
            err.println("circusd: " + e.getMessage());
            return 1;
        }
        EmbeddedDaemon.Builder builder = EmbeddedDaemon.builder(config).configSource(source)
                .crashTakeover(options.config()).raiseFileLimit(true).closeTimeout(Duration.ofMinutes(5));
        DaemonServices.facades(config).forEach(builder::facade);
        EmbeddedDaemon daemon;
        try {
            // Crash takeover, the arbiter (NOFILE raised), the state file, then JMX, ZeroMQ, HTTP.
            daemon = builder.build();
        } catch (io.circus.runtime.DescriptorLimitException e) {
            err.println("circusd: configuration error: " + options.config() + ": [watcher:" + e.watcher() + "] "
                    + e.getMessage());
            release(pidFile);
            return 1;
        } catch (FacadeStartException e) {
            // A facade names the [circus] key it could not bind; the file says where that key is.
            String message = String.valueOf(e.getMessage());
            err.println("circusd: " + ((message.startsWith("[circus]") || message.startsWith("[plugin:"))
                    && config.file() != null
                    ? config.file() + ": " + message : "cannot start the management facades: " + message));
            release(pidFile);
            return 1;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("circusd: " + e.getMessage());
            release(pidFile);
            return 1;
        }
        ArbiterCore arbiter = daemon.arbiter();
        SignalHandlers.install(arbiter, source);
        try {
            daemon.start().get();
            daemon.terminated().get();
            if (arbiter.failure() != null) {
                return 1;
            }
        } catch (Exception e) {
            // close() below stops everything, waiting at most its close timeout.
            log.error("circusd: unexpected failure, stopping everything", e);
            return 1;
        } finally {
            try {
                daemon.close();
            } catch (IllegalStateException e) {
                log.error("circusd: {}; exiting anyway", e.getMessage());
            }
            release(pidFile);
        }
        return 0;
    }

    private static void release(PidFile pidFile) {
        if (pidFile != null) {
            pidFile.release();
        }
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
