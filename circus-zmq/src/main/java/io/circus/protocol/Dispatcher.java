package io.circus.protocol;

import io.circus.config.GlobalSettings;
import io.circus.jmx.CircusNames;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.management.InstanceNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Circus's {@code Controller.dispatch}: looks the command up (case-insensitively), runs it through
 * the MBeans, and turns every outcome into Circus's reply. Failures map onto Circus's errno
 * families: a bad or missing property, an unknown watcher, option or process is errno 3 (the MBeans
 * throw IllegalArgumentException for those); work that fails after a {@code waiting} request was
 * accepted is errno 6; anything else errno 5, with the request quoted as Circus does. Casts are run
 * and never answered.
 *
 * <p>Threading: stateless apart from the command table, which is filled in the constructor;
 * {@link #handle} runs on the executor thread, a command's own thread, or (reads) the control thread.
 */
public final class Dispatcher implements CommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private record Entry(Command command, Command.Mode mode) {
    }

    private final Map<String, Entry> table = new HashMap<>();

    public Dispatcher(Beans beans, GlobalSettings settings) {
        new LifecycleCommands(beans, settings).register(this);
        new ProcessCommands(beans).register(this);
        new ReadCommands(beans).register(this);
        new StatsCommands(beans).register(this);
    }

    void register(String name, Command.Mode mode, Command command) {
        table.put(name, new Entry(command, mode));
    }

    /** Every command name, lower-case. */
    public Set<String> commands() {
        return Set.copyOf(table.keySet());
    }

    @Override
    public boolean offload(Request request) {
        Entry e = table.get(request.command());
        return e != null && (e.mode() == Command.Mode.SLOW || (e.mode() == Command.Mode.WAITS && request.waiting()));
    }

    @Override
    public boolean readOnly(Request request) {
        Entry e = table.get(request.command());
        return e == null || e.mode() == Command.Mode.READ;
    }

    @Override
    public Map<String, Object> handle(Request request) {
        Map<String, Object> reply = run(request);
        return request.cast() ? null : reply;
    }

    private Map<String, Object> run(Request request) {
        Entry e = table.get(request.command());
        if (e == null) {
            return error(request, new CommandError(Errno.UNKNOWN_COMMAND,
                    "unknown command: " + PythonRepr.strRepr(request.sentAs())));
        }
        try {
            return Replies.ok(e.command().run(new Props(request)), request.id());
        } catch (CommandError ce) {
            return error(request, ce);
        } catch (RuntimeException ex) {
            return error(request, translate(request, ex));
        }
    }

    /** An MBean's exception as a Circus error. */
    private static CommandError translate(Request request, RuntimeException ex) {
        return switch (ex) {
            case IllegalArgumentException iae -> CommandError.message(iae.getMessage());
            case IllegalStateException ise when request.waiting() ->
                    new CommandError(Errno.BAD_MSG_DATA_ERROR, "server error: " + ise.getMessage());
            case IllegalStateException ise -> CommandError.generic(request, ise.getMessage());
            case UncheckedIOException io -> new CommandError(Errno.OS_ERROR, io.getCause().getMessage());
            case UndeclaredThrowableException u when u.getUndeclaredThrowable() instanceof InstanceNotFoundException inf ->
                    missingBean(request, inf);
            default -> {
                LOG.warn("command {} failed", request.command(), ex);
                yield new CommandError(Errno.COMMAND_ERROR, CommandError.generic(request, String.valueOf(ex)).reason(),
                        traceback(ex));
            }
        };
    }

    /** A bean that went away between the look-up and the call: the watcher was removed, or the daemon is stopping. */
    private static CommandError missingBean(Request request, InstanceNotFoundException e) {
        if (String.valueOf(e.getMessage()).contains(CircusNames.ARBITER.toString())) {
            return CommandError.generic(request, "the arbiter is not available (" + CircusNames.ARBITER
                    + " is not registered)");
        }
        String name = request.properties().path("name").asText("");
        return CommandError.message("program " + name + " not found");
    }

    private static Map<String, Object> error(Request request, CommandError e) {
        return Replies.error(e.errno(), e.reason(), e.tb(), request.id());
    }

    private static String traceback(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
