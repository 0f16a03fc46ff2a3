package io.circus.console.ctl;

import java.util.List;

/** {@code circusctl --help}: argparse's layout with Circus's wording, then the console's own options. */
final class UsageText {

    private static final List<String[]> OPTIONS = List.of(
            new String[] {"--curve-key FILE", "this client's CURVE secret key file (circusctl keygen), with --server-key"},
            new String[] {"--endpoint ENDPOINT", "connection endpoint"},
            new String[] {"--follow", "interactive: print the daemon's events above the prompt"},
            new String[] {"--help", "Show help and exit"},
            new String[] {"--jmx HOST:PORT", "connect over JMX (host:port or service:jmx: URL) instead of ZeroMQ"},
            new String[] {"--json", "output to JSON"},
            new String[] {"--pid PID", "connect over JMX to the daemon JVM with this pid on this host"},
            new String[] {"--prettify", "prettify output"},
            new String[] {"--pubsub ENDPOINT", "where listen subscribes (default: the daemon's pubsub_endpoint)"},
            new String[] {"--server-key FILE", "the daemon's CURVE public key file, with --curve-key"},
            new String[] {"--ssh SSH", "SSH Server in the format user@host:port (not built in: use ssh -L)"},
            new String[] {"--ssh_keyfile SSH_KEYFILE", "the path to the keyfile to authorise the user"},
            new String[] {"--timeout TIMEOUT", "connection timeout"},
            new String[] {"--version", "display version and exit"},
            new String[] {"--waiting", "wait for the end of the operation (commands that take --waiting)"});

    private UsageText() {
    }

    static String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(CtlOptions.USAGE).append("\n\nControls a Circus daemon\n\nCommands:\n");
        for (CommandSpec c : CommandCatalog.all()) {
            row(sb, c.name(), c.summary());
        }
        row(sb, "keygen", "Write a CURVE key pair: circusctl keygen NAME [DIRECTORY]");
        sb.append("\noptions:\n");
        for (String[] o : OPTIONS) {
            row(sb, o[0], o[1]);
        }
        sb.append("\nEnvironment: CIRCUSCTL_ENDPOINT (default endpoint), CIRCUSCTL_HISTORY (history file),\n")
                .append("CIRCUSCTL_JMX_CREDENTIALS (user:password for --jmx), CIRCUSCTL_CURVE_KEY and\n")
                .append("CIRCUSCTL_SERVER_KEY (--curve-key and --server-key).\n")
                .append("\nSeveral daemons: repeat --endpoint (or --jmx) before a one-shot command; each output\n")
                .append("line is prefixed with [endpoint] and the exit status is the worst of them.\n");
        return sb.toString();
    }

    /** argparse: the name in 22 columns after a 2-space indent, or the help on the next line. */
    private static void row(StringBuilder sb, String left, String help) {
        if (left.length() <= 20) {
            sb.append(String.format("  %-22s%s%n", left, help));
        } else {
            sb.append("  ").append(left).append('\n').append(" ".repeat(24)).append(help).append('\n');
        }
    }
}
