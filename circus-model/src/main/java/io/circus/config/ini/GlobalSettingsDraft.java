package io.circus.config.ini;

import io.circus.config.GlobalSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The {@code [circus]} values while they are read; starts from {@link GlobalSettings#defaults()}. */
final class GlobalSettingsDraft {

    Duration checkDelay;
    String endpoint;
    String endpointOwner;
    String pubsubEndpoint;
    String multicastEndpoint;
    String statsEndpoint;
    boolean statsd;
    Duration statsInterval;
    int umask;
    Duration warmupDelay;
    boolean httpd;
    String httpdHost;
    int httpdPort;
    String prometheusEndpoint;
    String httpdPasswordFile;
    boolean debug;
    String pidfile;
    String loglevel;
    String logoutput;
    String loggerconfig;
    String fqdnPrefix;
    int jmxPort;
    String jmxHost;
    String jmxPasswordFile;
    String jmxAccessFile;
    boolean jmxSsl;
    String statefile;
    List<Path> extensionPath = List.of();
    Duration hookTimeout = GlobalSettings.DEFAULT_HOOK_TIMEOUT;
    final SecurityDraft security = new SecurityDraft();

    GlobalSettingsDraft() {
        GlobalSettings d = GlobalSettings.defaults();
        checkDelay = d.checkDelay();
        endpoint = d.endpoint();
        endpointOwner = d.endpointOwner();
        pubsubEndpoint = d.pubsubEndpoint();
        multicastEndpoint = d.multicastEndpoint();
        statsEndpoint = d.statsEndpoint();
        statsd = d.statsd();
        statsInterval = d.statsInterval();
        umask = d.umask();
        warmupDelay = d.warmupDelay();
        httpd = d.httpd();
        httpdHost = d.httpdHost();
        httpdPort = d.httpdPort();
        debug = d.debug();
        pidfile = d.pidfile();
        loglevel = d.loglevel();
        logoutput = d.logoutput();
        loggerconfig = d.loggerconfig();
        fqdnPrefix = d.fqdnPrefix();
        jmxPort = d.jmxPort();
        jmxHost = d.jmxHost();
        jmxPasswordFile = d.jmxPasswordFile();
        jmxAccessFile = d.jmxAccessFile();
        jmxSsl = d.jmxSsl();
        statefile = d.statefile();
        prometheusEndpoint = d.prometheusEndpoint();
        httpdPasswordFile = d.httpdPasswordFile();
    }

    GlobalSettings build() {
        return new GlobalSettings(checkDelay, endpoint, endpointOwner, pubsubEndpoint, multicastEndpoint,
                statsEndpoint, statsd, statsInterval, umask, warmupDelay, httpd, httpdHost, httpdPort, debug,
                pidfile, loglevel, logoutput, loggerconfig, fqdnPrefix, jmxPort, jmxHost, jmxPasswordFile,
                jmxAccessFile, jmxSsl, statefile, prometheusEndpoint, httpdPasswordFile, security.build(),
                extensionPath, hookTimeout);
    }
}
