package io.circus.console.ctl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * circusctl's global options, which come before the command as in Circus, and the command words
 * after them.
 *
 * @param endpoint   {@code --endpoint}, else {@code $CIRCUSCTL_ENDPOINT}, else null (the default)
 * @param timeout    {@code --timeout}, whole seconds, default 5
 * @param jmx        {@code --jmx HOST:PORT} or a {@code service:jmx:} URL: use the JMX transport
 * @param pid        {@code --pid PID}: attach over JMX to a local daemon JVM; 0 when not given
 * @param waiting    {@code --waiting} before the command: the command's own --waiting
 * @param follow     {@code --follow}: the REPL starts with {@code listen} on
 * @param pubsub     {@code --pubsub}: where {@code listen} subscribes over ZeroMQ; null to ask the daemon
 * @param curveKey   {@code --curve-key}, else {@code $CIRCUSCTL_CURVE_KEY}: this client's secret key file, or null
 * @param serverKey  {@code --server-key}, else {@code $CIRCUSCTL_SERVER_KEY}: the daemon's public key file, or null
 * @param command    the command, or null for the interactive console
 * @param args       the words after the command
 */
public record CtlOptions(String endpoint, int timeout, boolean json, boolean prettify, boolean help, boolean version,
                         String jmx, long pid, boolean waiting, boolean follow, String pubsub, String curveKey,
                         String serverKey, String command, List<String> args) {

    public static final String USAGE = "usage: circusctl [options] command [args]";

    public CtlOptions {
        args = List.copyOf(args);
    }

    /** Parses the command line; {@code env} supplies {@code CIRCUSCTL_ENDPOINT}. */
    public static CtlOptions parse(List<String> words, Map<String, String> env) throws UsageException {
        String endpoint = env.get("CIRCUSCTL_ENDPOINT");
        int timeout = 5;
        boolean json = false;
        boolean prettify = false;
        boolean help = false;
        boolean version = false;
        boolean waiting = false;
        boolean follow = false;
        String jmx = null;
        String pubsub = null;
        String curveKey = env.get("CIRCUSCTL_CURVE_KEY");
        String serverKey = env.get("CIRCUSCTL_SERVER_KEY");
        long pid = 0;
        int i = 0;
        for (; i < words.size(); i++) {
            String w = words.get(i);
            if (!w.startsWith("-")) {
                break;
            }
            if (w.equals("--")) {
                i++;
                break;
            }
            String name = w;
            String inline = null;
            int eq = w.indexOf('=');
            if (w.startsWith("--") && eq > 0) {
                name = w.substring(0, eq);
                inline = w.substring(eq + 1);
            }
            switch (name) {
                case "--json" -> json = true;
                case "--prettify" -> prettify = true;
                case "--help", "-h" -> help = true;
                case "--version" -> version = true;
                case "--waiting" -> waiting = true;
                case "--follow" -> follow = true;
                case "--endpoint", "--timeout", "--jmx", "--pid", "--pubsub", "--curve-key", "--server-key", "--ssh",
                     "--ssh_keyfile" -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= words.size()) {
                            throw new UsageException(USAGE, "argument " + name + ": expected one argument");
                        }
                        value = words.get(++i);
                    }
                    switch (name) {
                        case "--endpoint" -> endpoint = value;
                        case "--timeout" -> timeout = integer(name, value);
                        case "--jmx" -> jmx = value;
                        case "--pubsub" -> pubsub = value;
                        case "--curve-key" -> curveKey = value;
                        case "--server-key" -> serverKey = value;
                        case "--pid" -> pid = integer(name, value);
                        default -> throw new UsageException(USAGE, "argument " + name
                                + ": SSH tunnels are not built in; forward the port with ssh -L and use --endpoint");
                    }
                }
                default -> throw new UsageException(USAGE, "unrecognized arguments: " + w);
            }
        }
        String command = null;
        List<String> rest = new ArrayList<>();
        if (i < words.size()) {
            command = words.get(i);
            if (CommandCatalog.find(command).isEmpty()) {
                throw new UsageException(USAGE, "unrecognized arguments: " + String.join(" ", words.subList(i, words.size())));
            }
            rest.addAll(words.subList(i + 1, words.size()));
        }
        if (jmx != null && pid != 0) {
            throw new UsageException(USAGE, "argument --pid: not allowed with argument --jmx");
        }
        if ((curveKey == null) != (serverKey == null)) {
            throw new UsageException(USAGE, "argument " + (curveKey == null ? "--server-key" : "--curve-key")
                    + ": CURVE needs both --curve-key (this client's .key_secret file) and --server-key (the daemon's .key"
                    + " file)");
        }
        return new CtlOptions(endpoint, timeout, json, prettify, help, version, jmx, pid, waiting, follow, pubsub,
                curveKey, serverKey, command, rest);
    }

    private static int integer(String option, String value) throws UsageException {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(USAGE, "argument " + option + ": invalid int value: '" + value + "'");
        }
    }

    /** The same options for another command line typed in the interactive console. */
    public CtlOptions withCommand(String command, List<String> args) {
        return new CtlOptions(endpoint, timeout, json, prettify, false, false, jmx, pid, waiting, follow, pubsub, curveKey,
                serverKey, command, args);
    }
}
