package io.circus.console.ctl;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive console on a terminal: JLine line editing with daemon-aware completion, a
 * persistent history ({@code $CIRCUSCTL_HISTORY}, else {@code ~/.circusctl_history}), per-command
 * help, Ctrl-C to drop the line being typed, Ctrl-D or {@code exit} to leave. {@code listen} (or
 * {@code --follow}) keeps running in the background and prints events above the prompt;
 * {@code unlisten} stops it.
 *
 * <p>Threading: the calling thread owns the terminal, the line reader and the transport. Event lines
 * come from the transport's event thread through {@link LineReader#printAbove}, the one JLine call
 * meant for other threads, under the lock of the output stream so they never split a command's
 * output.
 */
final class Repl {

    static final String PROMPT = "(circusctl) ";

    private final CtlOptions options;
    private final CommandRunner.TransportSource transports;
    private final Map<String, String> env;
    private AutoCloseable listening;

    Repl(CtlOptions options, CommandRunner.TransportSource transports, Map<String, String> env) {
        this.options = options;
        this.transports = transports;
        this.env = env;
    }

    static Path historyFile(Map<String, String> env) {
        String custom = env.get("CIRCUSCTL_HISTORY");
        return custom != null && !custom.isBlank() ? Path.of(custom)
                : Path.of(System.getProperty("user.home"), ".circusctl_history");
    }

    int run() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().name("circusctl").system(true).build()) {
            DefaultParser parser = new DefaultParser();
            parser.setEofOnUnclosedQuote(true);
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("circusctl")
                    .parser(parser)
                    .completer(new DaemonCompleter(transports))
                    .variable(LineReader.HISTORY_FILE, historyFile(env))
                    .variable(LineReader.HISTORY_FILE_SIZE, 10_000)
                    .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                    .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                    .option(LineReader.Option.AUTO_FRESH_LINE, true)
                    .build();
            PrintStream out = new PrintStream(terminal.output(), true, terminal.encoding());
            CommandRunner runner = new CommandRunner(options, transports, new Modes(terminal, reader, out), out, out).shell();
            out.println("circusctl " + CircusCtl.version());
            runner.run("status", List.of());
            if (options.follow()) {
                runner.run("listen", List.of());
            }
            try {
                while (true) {
                    String line;
                    try {
                        line = reader.readLine(PROMPT);
                    } catch (UserInterruptException e) {
                        continue;
                    } catch (EndOfFileException e) {
                        break;
                    }
                    List<String> words;
                    try {
                        words = Shlex.split(line);
                    } catch (ArgumentException e) {
                        out.println("error: " + e.getMessage());
                        continue;
                    }
                    if (words.isEmpty()) {
                        continue;
                    }
                    if (words.getFirst().equals("exit") || words.getFirst().equals("EOF")) {
                        break;
                    }
                    if (words.getFirst().equals("unlisten")) {
                        stopListening();
                        continue;
                    }
                    runner.run(words.getFirst(), words.subList(1, words.size()));
                }
            } finally {
                stopListening();
                reader.getHistory().save();
                out.println();
            }
        }
        return 0;
    }

    private void stopListening() {
        if (listening != null) {
            try {
                listening.close();
            } catch (Exception e) {
                // Leaving anyway.
            }
            listening = null;
        }
    }

    /** {@code listen} in the background; {@code top} on this terminal. */
    private final class Modes implements CommandRunner.Modes {
        private final Terminal terminal;
        private final LineReader reader;
        private final PrintStream out;

        Modes(Terminal terminal, LineReader reader, PrintStream out) {
            this.terminal = terminal;
            this.reader = reader;
            this.out = out;
        }

        @Override
        public int listen(Transport transport, List<String> topics) throws NoReplyException {
            stopListening();
            String pubsub = options.jmx() != null || options.pid() != 0 ? null
                    : options.pubsub() != null ? options.pubsub() : CircusCtl.pubsubEndpoint(transport);
            listening = transport.listen(pubsub, new ArrayList<>(topics), e -> {
                synchronized (out) {
                    reader.printAbove(CommandRunner.eventLine(e));
                }
            });
            out.println("listening to " + (topics.isEmpty() ? "every event" : String.join(", ", topics))
                    + "; 'unlisten' stops");
            return 0;
        }

        @Override
        public int top(Transport transport, CommandLine line) throws NoReplyException {
            try {
                new TopView(terminal, transport, CircusCtl.sortKey(line), CircusCtl.intervalMs(line)).run();
                return 0;
            } catch (ArgumentException e) {
                out.println(e.getMessage());
                return 1;
            } catch (IOException e) {
                out.println("top: " + e.getMessage());
                return 1;
            }
        }
    }
}
