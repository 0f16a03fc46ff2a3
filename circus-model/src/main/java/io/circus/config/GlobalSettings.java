package io.circus.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code [circus]} section, converted and defaulted as in Circus 0.19, plus our JMX settings.
 * Optional values are null (strings) or -1 (numbers) when absent. Build with {@link #builder()} (the
 * defaults) or {@link #toBuilder()} (a copy to change); the loader builds it from the file.
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

    /** Circus's defaults for a config file with an empty {@code [circus]} section. */
    public static GlobalSettings defaults() {
        return builder().build();
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Fluent, mutable builder; each setter names one {@code [circus]} option. It checks only that
     * required values are not null: the loader validates values and names the section and key.
     */
    public static final class Builder {
        private Duration checkDelay = Duration.ofSeconds(5);
        private String endpoint = "tcp://127.0.0.1:5555";
        private String endpointOwner;
        private String pubsubEndpoint = "tcp://127.0.0.1:5556";
        private String multicastEndpoint = "udp://237.219.251.97:12027";
        private String statsEndpoint;
        private boolean statsd;
        private Duration statsInterval = Duration.ofSeconds(1);
        private int umask = -1;
        private Duration warmupDelay = Duration.ZERO;
        private boolean httpd;
        private String httpdHost = "localhost";
        private int httpdPort = 8080;
        private boolean debug;
        private String pidfile;
        private String loglevel;
        private String logoutput;
        private String loggerconfig;
        private String fqdnPrefix;
        private int jmxPort = -1;
        private String jmxHost = "127.0.0.1";
        private String jmxPasswordFile;
        private String jmxAccessFile;
        private boolean jmxSsl;
        private String statefile;
        private String prometheusEndpoint;
        private String httpdPasswordFile;
        private SecuritySettings security = SecuritySettings.defaults();
        private List<Path> extensionPath = List.of();
        private Duration hookTimeout = DEFAULT_HOOK_TIMEOUT;

        private Builder() {
        }

        private Builder(GlobalSettings g) {
            checkDelay = g.checkDelay; endpoint = g.endpoint; endpointOwner = g.endpointOwner;
            pubsubEndpoint = g.pubsubEndpoint; multicastEndpoint = g.multicastEndpoint;
            statsEndpoint = g.statsEndpoint; statsd = g.statsd; statsInterval = g.statsInterval; umask = g.umask;
            warmupDelay = g.warmupDelay; httpd = g.httpd; httpdHost = g.httpdHost; httpdPort = g.httpdPort;
            debug = g.debug; pidfile = g.pidfile; loglevel = g.loglevel; logoutput = g.logoutput;
            loggerconfig = g.loggerconfig; fqdnPrefix = g.fqdnPrefix; jmxPort = g.jmxPort; jmxHost = g.jmxHost;
            jmxPasswordFile = g.jmxPasswordFile; jmxAccessFile = g.jmxAccessFile; jmxSsl = g.jmxSsl;
            statefile = g.statefile; prometheusEndpoint = g.prometheusEndpoint;
            httpdPasswordFile = g.httpdPasswordFile; security = g.security; extensionPath = g.extensionPath;
            hookTimeout = g.hookTimeout;
        }

        /** {@code check_delay}: period of the housekeeping tick (max_age checks). */
        public Builder checkDelay(Duration d) { checkDelay = Objects.requireNonNull(d, "checkDelay"); return this; }
        /** {@code endpoint}: the control ROUTER endpoint. */
        public Builder endpoint(String e) { endpoint = Objects.requireNonNull(e, "endpoint"); return this; }
        /** {@code endpoint_owner}: owner of an ipc:// control socket file, or null. */
        public Builder endpointOwner(String owner) { endpointOwner = owner; return this; }
        /** {@code pubsub_endpoint}: the event PUB endpoint. */
        public Builder pubsubEndpoint(String e) {
            pubsubEndpoint = Objects.requireNonNull(e, "pubsubEndpoint");
            return this;
        }
        /** {@code multicast_endpoint}: UDP discovery endpoint, or empty to disable. */
        public Builder multicastEndpoint(String e) {
            multicastEndpoint = Objects.requireNonNull(e, "multicastEndpoint");
            return this;
        }
        /** {@code stats_endpoint}: the stats PUB endpoint, or null when no stats stream is published. */
        public Builder statsEndpoint(String e) { statsEndpoint = e; return this; }
        /** {@code statsd}: whether the stats stream is published. */
        public Builder statsd(boolean on) { statsd = on; return this; }
        /** {@code stats_interval}: sampling interval of the stats stream. */
        public Builder statsInterval(Duration d) {
            statsInterval = Objects.requireNonNull(d, "statsInterval");
            return this;
        }
        /** {@code umask}: the daemon's umask, or -1 to leave it alone. */
        public Builder umask(int mask) { umask = mask; return this; }
        /** {@code warmup_delay}: delay between starting two watchers. */
        public Builder warmupDelay(Duration d) { warmupDelay = Objects.requireNonNull(d, "warmupDelay"); return this; }
        /** {@code httpd}: whether the daemon serves the web console (docs/web.md). */
        public Builder httpd(boolean on) { httpd = on; return this; }
        /** {@code httpd_host}: web console host; anything but loopback needs an HTTP password file. */
        public Builder httpdHost(String host) { httpdHost = Objects.requireNonNull(host, "httpdHost"); return this; }
        /** {@code httpd_port}: web console port. */
        public Builder httpdPort(int port) { httpdPort = port; return this; }
        /** {@code debug}: debug mode. */
        public Builder debug(boolean on) { debug = on; return this; }
        /** {@code pidfile}: the pid file, or null. */
        public Builder pidfile(String file) { pidfile = file; return this; }
        /** {@code loglevel}: log level name, or null for info. */
        public Builder loglevel(String level) { loglevel = level; return this; }
        /** {@code logoutput}: log destination, or null for standard error. */
        public Builder logoutput(String output) { logoutput = output; return this; }
        /** {@code loggerconfig}: logging configuration file, or null. */
        public Builder loggerconfig(String file) { loggerconfig = file; return this; }
        /** {@code fqdn_prefix}: prefix of the arbiter's fqdn, or null. */
        public Builder fqdnPrefix(String prefix) { fqdnPrefix = prefix; return this; }
        /** {@code jmx_port}: port of the JMX connector server, or -1 for local attach only. */
        public Builder jmxPort(int port) { jmxPort = port; return this; }
        /** {@code jmx_host}: host the JMX connector binds to. */
        public Builder jmxHost(String host) { jmxHost = Objects.requireNonNull(host, "jmxHost"); return this; }
        /** {@code jmx_password_file}: JMX password file, or null for no authentication. */
        public Builder jmxPasswordFile(String file) { jmxPasswordFile = file; return this; }
        /** {@code jmx_access_file}: JMX access file, or null. */
        public Builder jmxAccessFile(String file) { jmxAccessFile = file; return this; }
        /** {@code jmx_ssl}: whether the JMX connector uses TLS. */
        public Builder jmxSsl(boolean on) { jmxSsl = on; return this; }
        /** {@code statefile}: the crash-takeover state file ({@code none}: off), or null for the default place. */
        public Builder statefile(String file) { statefile = file; return this; }
        /** {@code prometheus_endpoint}: host:port of a separate Prometheus /metrics listener, or null. */
        public Builder prometheusEndpoint(String hostPort) { prometheusEndpoint = hostPort; return this; }
        /** {@code httpd_password_file}: users and passwords for HTTP Basic authentication, or null for none. */
        public Builder httpdPasswordFile(String file) { httpdPasswordFile = file; return this; }
        /** {@code curve_*}, {@code trusted_group}, {@code insecure_open_endpoints}: see docs/security.md. */
        public Builder security(SecuritySettings s) { security = Objects.requireNonNull(s, "security"); return this; }
        /** {@code extension_path}: the absolute jars and directories hooks and plugins are loaded from. */
        public Builder extensionPath(List<Path> path) {
            extensionPath = List.copyOf(Objects.requireNonNull(path, "extensionPath"));
            return this;
        }
        /** {@code hook_timeout}: how long a hook may run before it counts as failed. */
        public Builder hookTimeout(Duration d) { hookTimeout = Objects.requireNonNull(d, "hookTimeout"); return this; }

        public GlobalSettings build() {
            return new GlobalSettings(checkDelay, endpoint, endpointOwner, pubsubEndpoint, multicastEndpoint,
                    statsEndpoint, statsd, statsInterval, umask, warmupDelay, httpd, httpdHost, httpdPort, debug,
                    pidfile, loglevel, logoutput, loggerconfig, fqdnPrefix, jmxPort, jmxHost, jmxPasswordFile,
                    jmxAccessFile, jmxSsl, statefile, prometheusEndpoint, httpdPasswordFile, security, extensionPath,
                    hookTimeout);
        }
    }
}
