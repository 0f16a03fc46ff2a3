package io.circus.console.ctl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circus.protocol.PythonRepr;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import io.circus.protocol.PythonJson;

/**
 * Runs one circusctl command line against a daemon and prints what Circus's circusctl prints, with
 * its exit status: 0 success, 3 an error reply, 1 no reply or bad arguments, 2 a usage error.
 * Shared by the one-shot mode and every line of the interactive console, over either transport.
 *
 * <p>Threading: confined to the thread that owns the transport.
 */
public final class CommandRunner {

    static final String TIMEOUT_MSG = """

            A time out usually happens in one of those cases:

            #1 The Circus daemon could not be reached.
            #2 The Circus daemon took too long to perform the operation

            For #1, make sure you are hitting the right place
            by checking your --endpoint option.

            For #2, if you are not expecting a result to
            come back, increase your timeout option value
            (particularly with waiting switches)
            """;

    /** Opens the transport on first use, so that help and usage errors need no daemon. */
    @FunctionalInterface
    public interface TransportSource {
        Transport get() throws NoReplyException;
    }

    /** What {@code listen} and {@code top} do: they differ between one-shot and interactive use. */
    public interface Modes {
        /** Prints events for the topics; returns the exit status. */
        int listen(Transport transport, List<String> topics) throws NoReplyException;

        /** Shows the live view; returns the exit status. */
        int top(Transport transport, CommandLine line) throws NoReplyException;
    }

    private final CtlOptions globals;
    private final TransportSource transports;
    private final Modes modes;
    private final PrintStream out;
    private final PrintStream err;
    private boolean shell;

    public CommandRunner(CtlOptions globals, TransportSource transports, Modes modes, PrintStream out, PrintStream err) {
        this.globals = globals;
        this.transports = transports;
        this.modes = modes;
        this.out = out;
        this.err = err;
    }

    /** Lines typed at the console: {@code help} alone lists commands as Circus's shell does. */
    public CommandRunner shell() {
        shell = true;
        return this;
    }

    public int run(String command, List<String> words) {
        CommandSpec spec = CommandCatalog.find(command).orElse(null);
        if (spec == null) {
            if (shell) {
                // Python cmd's default(): the console stays, as Circus's shell does.
                out.println("*** Unknown syntax: " + String.join(" ", java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(command), words.stream()).toList()));
                return 1;
            }
            return usageError(new UsageException(CtlOptions.USAGE, "unrecognized arguments: " + command));
        }
        try {
            CommandLine line = CommandLine.parse(spec, words, globals.waiting());
            if (line.help()) {
                out.print(spec.helpText());
                return 0;
            }
            return switch (command) {
                case "help" -> help(line.positional());
                case "listen" -> modes.listen(transports.get(), line.positional());
                case "top" -> modes.top(transports.get(), line);
                default -> call(command, line);
            };
        } catch (UsageException e) {
            return usageError(e);
        } catch (ArgumentException e) {
            err.println(e.getMessage());
            return 1;
        } catch (NoReplyException e) {
            if (e.timedOut()) {
                err.print(NoReplyException.TIMED_OUT + TIMEOUT_MSG);
            } else {
                err.println(e.getMessage());
            }
            err.flush();
            return 1;
        }
    }

    private int call(String command, CommandLine line) throws ArgumentException, NoReplyException {
        RequestBuilder.Request request = RequestBuilder.build(command, line.positional(), line.options());
        ObjectNode reply = transports.get().call(request.command(), request.properties());
        if (globals.json()) {
            out.println(globals.prettify() ? PythonJson.prettyJson(reply) : PythonJson.json(reply));
            return 0;
        }
        ReplyRenderer.Rendered r = ReplyRenderer.render(command, reply);
        (r.error() ? err : out).println(r.text());
        return r.error() ? 3 : 0;
    }

    private int help(List<String> topics) {
        if (topics.isEmpty()) {
            out.print(shell ? shellHelp() : UsageText.text());
            return 0;
        }
        int status = 0;
        for (String topic : topics) {
            var spec = CommandCatalog.find(topic);
            if (spec.isPresent()) {
                out.print(spec.get().helpText());
            } else {
                err.println("*** No help on " + topic);
                status = 1;
            }
        }
        return status;
    }

    /** Python's {@code cmd.Cmd.do_help} listing, which Circus's interactive shell prints. */
    static String shellHelp() {
        String header = "Documented commands (type help <topic>):";
        List<String> names = new java.util.ArrayList<>(CommandCatalog.all().stream().map(CommandSpec::name).toList());
        names.add("exit");
        names.add("unlisten");
        names.sort(null);
        return "\n" + header + "\n" + "=".repeat(header.length()) + "\n" + columnize(names, 80) + "\n";
    }

    /** {@code cmd.Cmd.columnize}: the fewest rows whose columns, two spaces apart, fit the width. */
    static String columnize(List<String> words, int width) {
        int n = words.size();
        for (int rows = 1; rows < n; rows++) {
            int cols = (n + rows - 1) / rows;
            int[] widths = new int[cols];
            int total = -2;
            for (int c = 0; c < cols; c++) {
                for (int r = 0; r < rows && c * rows + r < n; r++) {
                    widths[c] = Math.max(widths[c], words.get(c * rows + r).length());
                }
                total += widths[c] + 2;
            }
            if (total < width) {
                StringBuilder sb = new StringBuilder();
                for (int r = 0; r < rows; r++) {
                    StringBuilder line = new StringBuilder();
                    for (int c = 0; c < cols && c * rows + r < n; c++) {
                        line.append(String.format("%-" + widths[c] + "s  ", words.get(c * rows + r)));
                    }
                    sb.append(line.toString().stripTrailing()).append('\n');
                }
                return sb.toString();
            }
        }
        return String.join("\n", words) + "\n";
    }

    private int usageError(UsageException e) {
        err.println(e.usage());
        err.println("circusctl: error: " + e.getMessage());
        return 2;
    }

    /** Circus's listen line: {@code "%s: %s" % (topic, msg)} of two bytes objects. */
    public static String eventLine(Transport.Event e) {
        return PythonRepr.bytesRepr(e.topic().getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE) + ": "
                + PythonRepr.bytesRepr(e.payload().getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE);
    }
}
