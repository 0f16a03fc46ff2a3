package io.circus.config.ini;

import static io.circus.config.OptionValues.emptyToNull;
import static io.circus.config.OptionValues.parseBool;
import static io.circus.config.OptionValues.requireText;

import io.circus.config.ConfigException;
import io.circus.config.GlobalOptions;
import io.circus.config.GlobalSettings;
import io.circus.config.OptionValues;
import io.circus.config.VariableSubstitutor;
import io.circus.extension.ExtensionPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/** The {@code [circus]} section: Circus's options and defaults, plus our JMX and stats settings. */
final class GlobalSectionReader {

    static final String SECTION = "circus";
    static final String EXTENSION_PATH = "extension_path";

    private static final Map<String, BiConsumer<GlobalSettings.Builder, String>> SETTERS = new LinkedHashMap<>();
    // Accepted so that Circus files load unchanged; Circus's own loader ignores them too.
    private static final Set<String> NO_EFFECT = Set.of("stream_backend", "statsd_close_outputs",
            "httpd_close_outputs");
    private static final Set<String> INCLUDES = Set.of("include", "include_dir");
    private static final Set<String> LOG_LEVELS = Set.of("critical", "error", "warning", "info", "debug");
    private static final Pattern OCTAL = Pattern.compile("\\+?(?:0[oO])?[0-7]+");

    static {
        SETTERS.put("check_delay", (d, v) -> d.checkDelay(OptionValues.parseSignedSeconds(v)));
        SETTERS.put("endpoint", (d, v) -> d.endpoint(OptionValues.endpoint(v)));
        SETTERS.put("endpoint_owner", (d, v) -> d.endpointOwner(emptyToNull(v)));
        SETTERS.put("pubsub_endpoint", (d, v) -> d.pubsubEndpoint(OptionValues.endpoint(v)));
        SETTERS.put("multicast_endpoint", (d, v) -> d.multicastEndpoint(v));
        SETTERS.put("stats_endpoint", (d, v) -> d.statsEndpoint(OptionValues.endpoint(v)));
        SETTERS.put("statsd", (d, v) -> d.statsd(parseBool(v)));
        SETTERS.put("umask", (d, v) -> d.umask(umask(v)));
        SETTERS.put("warmup_delay", (d, v) -> d.warmupDelay(OptionValues.parseSeconds(v)));
        SETTERS.put("httpd", (d, v) -> d.httpd(parseBool(v)));
        SETTERS.put("httpd_host", (d, v) -> d.httpdHost(requireText(v)));
        SETTERS.put("httpd_port", (d, v) -> d.httpdPort(port(v, 0)));
        SETTERS.put("debug", (d, v) -> d.debug(parseBool(v)));
        SETTERS.put("debug_gc", (d, v) -> parseBool(v));
        SETTERS.put("pidfile", (d, v) -> d.pidfile(emptyToNull(v)));
        SETTERS.put("loglevel", (d, v) -> d.loglevel(logLevel(v)));
        SETTERS.put("logoutput", (d, v) -> d.logoutput(emptyToNull(v)));
        SETTERS.put("loggerconfig", (d, v) -> d.loggerconfig(emptyToNull(v)));
        SETTERS.put("fqdn_prefix", (d, v) -> d.fqdnPrefix(emptyToNull(v)));
        SETTERS.put("jmx_port", (d, v) -> d.jmxPort(port(v, -1)));
        SETTERS.put("jmx_host", (d, v) -> d.jmxHost(requireText(v)));
        SETTERS.put("jmx_password_file", (d, v) -> d.jmxPasswordFile(emptyToNull(v)));
        SETTERS.put("jmx_access_file", (d, v) -> d.jmxAccessFile(emptyToNull(v)));
        SETTERS.put("jmx_ssl", (d, v) -> d.jmxSsl(parseBool(v)));
        SETTERS.put("statefile", (d, v) -> d.statefile(emptyToNull(v)));
        SETTERS.put("stats_interval", (d, v) -> d.statsInterval(positiveSeconds(v)));
        SETTERS.put("prometheus_endpoint", (d, v) -> d.prometheusEndpoint(hostPort(v)));
        SETTERS.put("hook_timeout", (d, v) -> d.hookTimeout(positiveSeconds(v)));
        SETTERS.put("httpd_password_file", (d, v) -> d.httpdPasswordFile(emptyToNull(v)));
    }

    private GlobalSectionReader() {
    }

    /** Every key the section understands. */
    static Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>(SETTERS.keySet());
        keys.addAll(SecurityDraft.SETTERS.keySet());
        keys.add(EXTENSION_PATH);
        keys.addAll(NO_EFFECT);
        keys.addAll(INCLUDES);
        return Collections.unmodifiableSet(keys);
    }

    static GlobalSettings read(IniDocument doc, Map<String, String> env, Warnings warnings)
            throws ConfigException {
        GlobalSettings.Builder d = GlobalSettings.builder();
        SecurityDraft security = new SecurityDraft();
        boolean statsEndpointSet = false;
        Map<String, IniEntry> items = doc.has(SECTION) ? doc.items(SECTION) : Map.of();
        for (Map.Entry<String, IniEntry> item : items.entrySet()) {
            String key = item.getKey();
            IniEntry e = item.getValue();
            if (INCLUDES.contains(key)) {
                continue;
            }
            String v = VariableSubstitutor.substituteEnv(e.value(), env);
            BiConsumer<GlobalSettings.Builder, String> setter = setter(key, e, security);
            if (setter != null) {
                try {
                    setter.accept(d, v);
                } catch (IllegalArgumentException ex) {
                    throw e.error(SECTION, key, v, ex.getMessage());
                }
                statsEndpointSet |= key.equals("stats_endpoint");
                if (key.equals("debug_gc") && parseBool(v)) {
                    warnings.add(SECTION, key, e, "has no effect in Circus for the JVM");
                }
            } else if (e.inherited()) {
                continue;
            } else if (NO_EFFECT.contains(key)) {
                warnings.add(SECTION, key, e, "accepted for compatibility; has no effect (as in Circus)");
            } else {
                warnings.add(SECTION, key, e, "unknown option, ignored" + SpellingAdvisor.hint(key, knownKeys()));
            }
        }
        String half = security.halfConfiguredKey();
        if (half != null) {
            IniEntry e = items.get(half);
            throw e.error(SECTION, half, e.value(), "CURVE needs both curve_server_key (the server's secret key "
                    + "file) and curve_authorized_keys (a directory of client public key files)");
        }
        GlobalSettings read = d.security(security.build()).build();
        if (statsEndpointSet && !read.statsd()) {
            // Circus's loader does this too (with a DeprecationWarning); we keep it so files behave alike.
            warnings.add(doc.fileOf(SECTION), SECTION, "stats_endpoint",
                    "stats_endpoint is set, so statsd is turned on, as in Circus; set statsd = true explicitly");
            return read.toBuilder().statsd(true).build();
        }
        // statsd without an endpoint publishes on Circus's default one (the builder's is none).
        return !statsEndpointSet && read.statsd()
                ? read.toBuilder().statsEndpoint(GlobalOptions.DEFAULT_STATS_ENDPOINT).build() : read;
    }

    /** The setter of {@code key}, or null when the key is not a setting. */
    private static BiConsumer<GlobalSettings.Builder, String> setter(String key, IniEntry e, SecurityDraft security) {
        if (key.equals(EXTENSION_PATH)) {
            return (d, v) -> d.extensionPath(ExtensionPath.parse(v, baseDir(e)));
        }
        BiConsumer<SecurityDraft, String> securitySetter = SecurityDraft.SETTERS.get(key);
        return securitySetter == null ? SETTERS.get(key) : (d, v) -> securitySetter.accept(security, v);
    }

    /** Relative extension path entries are relative to the file that sets them, wherever circusd runs. */
    private static Path baseDir(IniEntry e) {
        Path parent = e.file() == null ? null : e.file().toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    private static int umask(String v) {
        String s = v.strip();
        if (s.isEmpty()) {
            return -1;
        }
        if (!OCTAL.matcher(s).matches()) {
            throw new IllegalArgumentException("expected an octal umask such as 022");
        }
        int value = Integer.parseInt(s.replaceFirst("^\\+?(0[oO])?", ""), 8);
        if (value > 0777) {
            throw new IllegalArgumentException("expected an octal umask between 0 and 777");
        }
        return value;
    }

    private static int port(String v, int min) {
        int p = OptionValues.parseInt(v, min);
        if (p > 65535) {
            throw new IllegalArgumentException("expected a port number up to 65535");
        }
        return p;
    }

    /** {@code host:port} (IPv6 hosts in brackets), or null when empty. */
    private static String hostPort(String v) {
        String s = v.strip();
        if (s.isEmpty()) {
            return null;
        }
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new IllegalArgumentException("expected host:port, e.g. 127.0.0.1:9102");
        }
        port(s.substring(colon + 1), 1);
        return s;
    }

    private static String logLevel(String v) {
        String level = v.strip().toLowerCase(Locale.ROOT);
        if (level.isEmpty()) {
            return null;
        }
        if (!LOG_LEVELS.contains(level)) {
            throw new IllegalArgumentException("expected one of critical, error, warning, info, debug");
        }
        return level;
    }

    private static Duration positiveSeconds(String v) {
        Duration d = OptionValues.parseSeconds(v);
        if (d.isZero()) {
            throw new IllegalArgumentException("expected a number of seconds > 0");
        }
        return d;
    }
}
