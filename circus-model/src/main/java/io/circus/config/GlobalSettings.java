package io.circus.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code [circus]} section, converted and defaulted as in Circus 0.19, plus our JMX settings.
 * Optional values are null (strings) or -1 (numbers) when absent.
 *
 * @param checkDelay       period of the housekeeping tick (max_age checks); exits are seen at once
 * @param endpoint         control ROUTER endpoint
 * @param endpointOwner    owner of an ipc:// control socket file, or null
 * @param pubsubEndpoint   event PUB endpoint
 * @param multicastEndpoint UDP discovery endpoint, or empty to disable
 * @param statsEndpoint    stats PUB endpoint, or null when no stats stream is published
 * @param statsd           whether the stats stream is published
 * @param statsInterval    sampling interval of the stats stream
 * @param umask            the daemon's umask, or -1 to leave it alone
 * @param warmupDelay      delay between starting two watchers
 * @param httpd            whether the daemon serves the web console (docs/web.md)
 * @param httpdHost        web console host; anything but loopback needs httpdPasswordFile
 * @param httpdPort        web console port
 * @param debug            debug mode
 * @param pidfile          pid file, or null
 * @param loglevel         log level name, or null for info
 * @param logoutput        log destination, or null for standard error
 * @param loggerconfig     logging configuration file, or null
 * @param fqdnPrefix       prefix of the arbiter's fqdn, or null
 * @param jmxPort          port of the JMX connector server, or -1 for local attach only
 * @param jmxHost          host the JMX connector binds to
 * @param jmxPasswordFile  JMX password file, or null for no authentication
 * @param jmxAccessFile    JMX access file, or null
 * @param jmxSsl           whether the JMX connector uses TLS
 * @param statefile        not in Circus: the crash-takeover state file ({@code none} turns takeover off), or
 *                         null for the default place (see docs/crash-recovery.md)
 * @param prometheusEndpoint host:port of a separate Prometheus /metrics listener, or null (with httpd,
 *                         /metrics is also served beside the console)
 * @param httpdPasswordFile users and passwords for HTTP Basic authentication of the console and
 *                         /metrics, or null for none (then only loopback binds are allowed)
 * @param security         who may use the control, event and JMX channels (docs/security.md)
 * @param extensionPath    not in Circus: the jars and directories Java hooks and plugins are loaded from
 *                         ({@code extension_path}, see docs/extending.md), absolute; empty when not set
 * @param hookTimeout      not in Circus: how long a hook may run before it counts as failed (a command is
 *                         killed); {@code hook_timeout}, 30 s by default
 */
public record GlobalSettings(Duration checkDelay, String endpoint, String endpointOwner, String pubsubEndpoint,
                             String multicastEndpoint, String statsEndpoint, boolean statsd,
                             Duration statsInterval, int umask, Duration warmupDelay, boolean httpd,
                             String httpdHost, int httpdPort, boolean debug, String pidfile, String loglevel,
                             String logoutput, String loggerconfig, String fqdnPrefix, int jmxPort,
                             String jmxHost, String jmxPasswordFile, String jmxAccessFile, boolean jmxSsl,
                             String statefile, String prometheusEndpoint, String httpdPasswordFile,
                             SecuritySettings security, List<Path> extensionPath, Duration hookTimeout) {

    public GlobalSettings {
        security = security == null ? SecuritySettings.defaults() : security;
        extensionPath = extensionPath == null ? List.of() : List.copyOf(extensionPath);
        hookTimeout = hookTimeout == null ? DEFAULT_HOOK_TIMEOUT : hookTimeout;
    }

    /** The default {@code hook_timeout}. */
    public static final Duration DEFAULT_HOOK_TIMEOUT = Duration.ofSeconds(30);

    /** Without an extension path, and with the default hook timeout. */
    public GlobalSettings(Duration checkDelay, String endpoint, String endpointOwner, String pubsubEndpoint,
                          String multicastEndpoint, String statsEndpoint, boolean statsd,
                          Duration statsInterval, int umask, Duration warmupDelay, boolean httpd,
                          String httpdHost, int httpdPort, boolean debug, String pidfile, String loglevel,
                          String logoutput, String loggerconfig, String fqdnPrefix, int jmxPort,
                          String jmxHost, String jmxPasswordFile, String jmxAccessFile, boolean jmxSsl,
                          String statefile, String prometheusEndpoint, String httpdPasswordFile,
                          SecuritySettings security) {
        this(checkDelay, endpoint, endpointOwner, pubsubEndpoint, multicastEndpoint, statsEndpoint, statsd,
                statsInterval, umask, warmupDelay, httpd, httpdHost, httpdPort, debug, pidfile, loglevel, logoutput,
                loggerconfig, fqdnPrefix, jmxPort, jmxHost, jmxPasswordFile, jmxAccessFile, jmxSsl, statefile,
                prometheusEndpoint, httpdPasswordFile, security, null, null);
    }

    /** With the default security (loopback, trusted local users only, no CURVE). */
    public GlobalSettings(Duration checkDelay, String endpoint, String endpointOwner, String pubsubEndpoint,
                          String multicastEndpoint, String statsEndpoint, boolean statsd,
                          Duration statsInterval, int umask, Duration warmupDelay, boolean httpd,
                          String httpdHost, int httpdPort, boolean debug, String pidfile, String loglevel,
                          String logoutput, String loggerconfig, String fqdnPrefix, int jmxPort,
                          String jmxHost, String jmxPasswordFile, String jmxAccessFile, boolean jmxSsl,
                          String statefile, String prometheusEndpoint, String httpdPasswordFile) {
        this(checkDelay, endpoint, endpointOwner, pubsubEndpoint, multicastEndpoint, statsEndpoint, statsd,
                statsInterval, umask, warmupDelay, httpd, httpdHost, httpdPort, debug, pidfile, loglevel, logoutput,
                loggerconfig, fqdnPrefix, jmxPort, jmxHost, jmxPasswordFile, jmxAccessFile, jmxSsl, statefile,
                prometheusEndpoint, httpdPasswordFile, null);
    }

    /** Without the HTTP additions (no Prometheus listener, no HTTP password file). */
    public GlobalSettings(Duration checkDelay, String endpoint, String endpointOwner, String pubsubEndpoint,
                          String multicastEndpoint, String statsEndpoint, boolean statsd,
                          Duration statsInterval, int umask, Duration warmupDelay, boolean httpd,
                          String httpdHost, int httpdPort, boolean debug, String pidfile, String loglevel,
                          String logoutput, String loggerconfig, String fqdnPrefix, int jmxPort,
                          String jmxHost, String jmxPasswordFile, String jmxAccessFile, boolean jmxSsl,
                          String statefile) {
        this(checkDelay, endpoint, endpointOwner, pubsubEndpoint, multicastEndpoint, statsEndpoint, statsd,
                statsInterval, umask, warmupDelay, httpd, httpdHost, httpdPort, debug, pidfile, loglevel, logoutput,
                loggerconfig, fqdnPrefix, jmxPort, jmxHost, jmxPasswordFile, jmxAccessFile, jmxSsl, statefile, null,
                null);
    }

    /** The settings without a {@code statefile} (the default place) nor the HTTP additions. */
    public GlobalSettings(Duration checkDelay, String endpoint, String endpointOwner, String pubsubEndpoint,
                          String multicastEndpoint, String statsEndpoint, boolean statsd,
                          Duration statsInterval, int umask, Duration warmupDelay, boolean httpd,
                          String httpdHost, int httpdPort, boolean debug, String pidfile, String loglevel,
                          String logoutput, String loggerconfig, String fqdnPrefix, int jmxPort,
                          String jmxHost, String jmxPasswordFile, String jmxAccessFile, boolean jmxSsl) {
        this(checkDelay, endpoint, endpointOwner, pubsubEndpoint, multicastEndpoint, statsEndpoint, statsd,
                statsInterval, umask, warmupDelay, httpd, httpdHost, httpdPort, debug, pidfile, loglevel, logoutput,
                loggerconfig, fqdnPrefix, jmxPort, jmxHost, jmxPasswordFile, jmxAccessFile, jmxSsl, null, null, null);
    }

    /** A copy with other security settings. */
    public GlobalSettings withSecurity(SecuritySettings s) {
        return new GlobalSettings(checkDelay, endpoint, endpointOwner, pubsubEndpoint, multicastEndpoint,
                statsEndpoint, statsd, statsInterval, umask, warmupDelay, httpd, httpdHost, httpdPort, debug, pidfile,
                loglevel, logoutput, loggerconfig, fqdnPrefix, jmxPort, jmxHost, jmxPasswordFile, jmxAccessFile,
                jmxSsl, statefile, prometheusEndpoint, httpdPasswordFile, s, extensionPath, hookTimeout);
    }

    /** Circus's defaults for a config file with an empty {@code [circus]} section. */
    public static GlobalSettings defaults() {
        return new GlobalSettings(Duration.ofSeconds(5), "tcp://127.0.0.1:5555", null, "tcp://127.0.0.1:5556",
                "udp://237.219.251.97:12027", null, false, Duration.ofSeconds(1), -1, Duration.ZERO, false,
                "localhost", 8080, false, null, null, null, null, null, -1, "127.0.0.1", null, null, false);
    }
}
