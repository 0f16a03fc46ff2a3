package io.circus.console.ctl;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.circus.console.keys.KeyGenerator;
import io.circus.zmq.auth.ClientKeys;
import io.circus.protocol.WireJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code circusctl}: one command from the command line, the interactive console when none is given
 * on a terminal, or commands read line by line from standard input otherwise.
 *
 * <pre>
 * circusctl [--endpoint E | --jmx HOST:PORT | --pid PID] [--timeout S] [--json] [--prettify] [--waiting] COMMAND [ARGS]
 * </pre>
 *
 * With several {@code --endpoint}/{@code --jmx}, the command runs against each daemon and every line is
 * prefixed with its endpoint ({@link FleetRun}).
 *
 * Exit status as Circus's: 0 success, 3 the daemon answered an error, 1 no answer or bad arguments,
 * 2 a bad command line. Only {@code top} and the interactive console load JLine, so that a one-shot
 * command starts quickly.
 */
public final class CircusCtl {

    private CircusCtl() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            // A one-shot command: Jackson's set-up runs beside the ZeroMQ client's (each some 50 ms).
            Thread.ofPlatform().daemon().name("circusctl-warm-up").start(WireJson::mapper);
        }
        int status = run(Arrays.asList(args), System.in, System.out, System.err, System.getenv(), TerminalCheck.onTerminal());
        System.out.flush();
        System.err.flush();
        // Everything is closed by now; halt skips exit's logging set-up and shutdown hooks, which
        // a one-shot command would pay for at every call.
        Runtime.getRuntime().halt(status);
    }

    /**
     * Runs circusctl.
     *
     * @param interactive whether standard input and output are a terminal
     * @return the exit status
     */
    public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env,
                          boolean interactive) {
        if (!args.isEmpty() && args.getFirst().equals(KeyGenerator.COMMAND)) {
            return KeyGenerator.run(args.subList(1, args.size()), out, err);
        }
        int fleet = FleetRun.runIfFleet(args, in, out, err, env);
        if (fleet >= 0) {
            return fleet;
        }
        CtlOptions options;
        try {
            options = CtlOptions.parse(args, env);
        } catch (UsageException e) {
            err.println(e.usage());
            err.println("circusctl: error: " + e.getMessage());
            return 2;
        }
        if (options.version()) {
            out.println("circusctl " + version());
            return 0;
        }
        if (options.help()) {
            out.print(options.command() == null ? UsageText.text() : CommandCatalog.find(options.command()).orElseThrow().helpText());
            return 0;
        }
        Connection connection = new Connection(options, env);
        try {
            if (options.command() != null) {
                CommandRunner runner = new CommandRunner(options, connection::get, new OneShot(options, out, err, interactive), out, err);
                return runner.run(options.command(), options.args());
            }
            if (interactive) {
                return new Repl(options, connection::get, env).run();
            }
            return lines(options, connection, in, out, err);
        } catch (IOException e) {
            err.println("circusctl: " + e.getMessage());
            return 1;
        } finally {
            connection.close();
        }
    }

    /** Not on a terminal: each line of standard input is a command; no prompt, no banner. */
    private static int lines(CtlOptions options, Connection connection, InputStream in, PrintStream out, PrintStream err)
            throws IOException {
        CommandRunner runner = new CommandRunner(options, connection::get, new OneShot(options, out, err, false), out, err).shell();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int status = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            List<String> words;
            try {
                words = Shlex.split(line);
            } catch (ArgumentException e) {
                err.println("error: " + e.getMessage());
                status = 1;
                continue;
            }
            if (words.isEmpty() || words.getFirst().startsWith("#")) {
                continue;
            }
            if (words.getFirst().equals("exit") || words.getFirst().equals("EOF")) {
                break;
            }
            int s = runner.run(words.getFirst(), words.subList(1, words.size()));
            out.flush();
            if (s != 0) {
                status = s;
            }
        }
        return status;
    }

    static String version() {
        String v = CircusCtl.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    /** The daemon's pub/sub endpoint as it reports it, else Circus's default. */
    static String pubsubEndpoint(Transport transport) {
        try {
            var reply = transport.call("globaloptions", JsonNodeFactory.instance.objectNode().put("option", "pubsub_endpoint"));
            String e = reply.path("options").path("pubsub_endpoint").asText(null);
            // A wildcard port is what was configured, not where it is bound: nothing to connect to.
            return e != null && !e.contains("*") ? e : ZmqTransport.DEFAULT_PUBSUB;
        } catch (NoReplyException e) {
            return ZmqTransport.DEFAULT_PUBSUB;
        }
    }

    static TopSnapshot.SortKey sortKey(CommandLine line) throws ArgumentException {
        return TopSnapshot.SortKey.parse(String.valueOf(line.options().get("sort")));
    }

    static long intervalMs(CommandLine line) throws ArgumentException {
        double s = RequestBuilder.toFloat(String.valueOf(line.options().get("interval")));
        return Math.max(100, (long) (s * 1000));
    }

    /** The transport, opened on first use and closed at exit. */
    private static final class Connection {
        private final CtlOptions options;
        private final Map<String, String> env;
        private Transport transport;

        Connection(CtlOptions options, Map<String, String> env) {
            this.options = options;
            this.env = env;
        }

        Transport get() throws NoReplyException {
            if (transport == null) {
                Duration timeout = Duration.ofSeconds(Math.max(1, options.timeout()));
                if (options.jmx() != null) {
                    transport = JmxTransport.connect(options.jmx(), env.get("CIRCUSCTL_JMX_CREDENTIALS"), timeout);
                } else if (options.pid() != 0) {
                    transport = JmxTransport.attach(options.pid(), timeout);
                } else {
                    // Circus: for listen, --endpoint names the pub/sub socket, not the control one.
                    boolean listen = "listen".equals(options.command());
                    String endpoint = options.endpoint() != null && !listen ? options.endpoint() : ZmqTransport.DEFAULT_ENDPOINT;
                    transport = new ZmqTransport(endpoint, timeout, keys());
                }
            }
            return transport;
        }

        private ClientKeys keys() throws NoReplyException {
            if (options.curveKey() == null) {
                return null;
            }
            try {
                return ClientKeys.read(Path.of(options.curveKey()), Path.of(options.serverKey()));
            } catch (IOException | RuntimeException e) {
                throw new NoReplyException("cannot use the CURVE keys: " + e.getMessage(), e);
            }
        }

        void close() {
            if (transport != null) {
                transport.close();
            }
        }
    }

    /** One-shot {@code listen} prints until killed; {@code top} is live on a terminal, else one snapshot. */
    private record OneShot(CtlOptions options, PrintStream out, PrintStream err, boolean interactive)
            implements CommandRunner.Modes {

        @Override
        public int listen(Transport transport, List<String> topics) throws NoReplyException {
            boolean zmq = options.jmx() == null && options.pid() == 0;
            String pubsub = !zmq ? null : options.pubsub() != null ? options.pubsub()
                    : options.endpoint() != null ? ListenTarget.resolve(options.endpoint(), err)
                    : pubsubEndpoint(transport);
            if (zmq) {
                // Events go to stdout; this line (stderr) says where they come from, so a wait is not silent.
                err.println("circusctl: listening to " + (topics.isEmpty() ? "every event" : String.join(", ", topics))
                        + " on " + pubsub + "; Ctrl-C stops");
                err.flush();
            }
            try (AutoCloseable sub = transport.listen(pubsub, topics, e -> {
                synchronized (out) {
                    out.println(CommandRunner.eventLine(e));
                    out.flush();
                }
            })) {
                new CountDownLatch(1).await();
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            } catch (Exception e) {
                throw new NoReplyException(String.valueOf(e.getMessage()), e);
            }
        }

        @Override
        public int top(Transport transport, CommandLine line) throws NoReplyException {
            try {
                TopSnapshot.SortKey sort = sortKey(line);
                if (!interactive) {
                    TopSnapshot.read(transport).lines(sort, 0).forEach(out::println);
                    return 0;
                }
                try (var terminal = org.jline.terminal.TerminalBuilder.builder().name("circusctl").system(true).build()) {
                    new TopView(terminal, transport, sort, intervalMs(line)).run();
                }
                return 0;
            } catch (ArgumentException e) {
                out.println(e.getMessage());
                return 1;
            } catch (IOException e) {
                throw new NoReplyException("top: " + e.getMessage(), e);
            }
        }
    }
}
