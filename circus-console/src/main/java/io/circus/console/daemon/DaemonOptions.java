package io.circus.console.daemon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code circusd}: {@code [--daemon] [--pidfile F] [--log-level L]
 * [--log-output F] config.ini}.
 *
 * @param daemon    detach from the terminal
 * @param pidfile   pid file overriding {@code [circus] pidfile}, or null
 * @param logLevel  level overriding {@code [circus] loglevel}, or null
 * @param logOutput destination overriding {@code [circus] logoutput}, or null
 * @param config    the configuration file
 */
record DaemonOptions(boolean daemon, Path pidfile, String logLevel, String logOutput, Path config) {

    static final String USAGE = """
            usage: circusd [--daemon] [--pidfile FILE] [--log-level LEVEL] [--log-output FILE] config.ini

              --daemon            detach from the terminal (output goes to /dev/null unless --log-output)
              --pidfile FILE      write the daemon's pid there; refuse to start if a live daemon owns it
              --log-level LEVEL   critical, error, warning, info or debug (default: [circus] loglevel, info)
              --log-output FILE   a file, or - for standard error (default: [circus] logoutput, -)
              --version           print the version and exit
            """;

    /** @throws IllegalArgumentException with a message for the user */
    static DaemonOptions parse(String[] args) {
        boolean daemon = false;
        Path pidfile = null;
        String level = null;
        String output = null;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String inline = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                inline = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--daemon" -> daemon = true;
                case "--pidfile" -> pidfile = Path.of(inline != null ? inline : value(args, ++i, a));
                case "--log-level", "--loglevel" -> level = inline != null ? inline : value(args, ++i, a);
                case "--log-output", "--logoutput" -> output = inline != null ? inline : value(args, ++i, a);
                default -> {
                    if (a.startsWith("-") && !a.equals("-")) {
                        throw new IllegalArgumentException("unknown option: " + a);
                    }
                    positional.add(a);
                }
            }
        }
        if (positional.size() != 1) {
            throw new IllegalArgumentException(positional.isEmpty() ? "no configuration file given"
                    : "exactly one configuration file expected, got " + positional);
        }
        return new DaemonOptions(daemon, pidfile, level, output, Path.of(positional.getFirst()).toAbsolutePath());
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
