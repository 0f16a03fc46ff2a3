package io.circus.protocol;

import io.circus.jmx.CircusNames;
import io.circus.jmx.Refusals;
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
 * families by their kind, never their text: a refusal (a bad or missing property, an unknown
 * watcher, option or process) is errno 3, except a name taken and a request that contradicts a
 * watcher's definition, which Circus fails with errno 5 quoting the request ({@link
 * io.circus.jmx.Refusals} reads the kind); work that fails after a {@code waiting} request was
 * accepted is errno 6; anything else errno 5, with the request quoted as Circus does. Casts are run
 * and never answered.
 *
 * <p>Threading: stateless apart from the command table, which is filled in the constructor, and the
 * watcher proxies {@link Beans} keeps;
 * {@link #handle} runs on the executor thread, a command's own thread, or (reads) the control thread.
 */
public final class Dispatcher implements CommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private record Entry(Command command, Command.Mode mode) {
    }

    private final Map<String, Entry> table = new HashMap<>();
    private final Beans beans;

    public Dispatcher(Beans beans) {
        this.beans = beans;
        new LifecycleCommands(beans).register(this);
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

    /** An MBean's exception as a Circus error, by its kind ({@link Refusals}), never by its text. */
    private CommandError translate(Request request, RuntimeException ex) {
        return switch (ex) {
            case IllegalArgumentException iae -> refusal(request, iae);
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

    /**
     * A refusal in Circus's words: most are errno 3 with the bean's reason; a name taken and a
     * request that contradicts a watcher's definition are errno 5 quoting the request, because
     * Circus fails them with a generic exception and its clients may test for that.
     */
    private static CommandError refusal(Request request, IllegalArgumentException e) {
        return switch (Refusals.kindOf(e)) {
            case DUPLICATE -> CommandError.generic(request,
                    PythonRepr.strRepr(request.properties().path("name").asText("")) + " already exist");
            case CONFLICT -> CommandError.generic(request, e.getMessage());
            case null, default -> CommandError.message(e.getMessage());
        };
    }

    /** A bean that went away between the look-up and the call: the watcher was removed, or the daemon is stopping. */
    private CommandError missingBean(Request request, InstanceNotFoundException e) {
        if (!arbiterRegistered()) {
            return CommandError.generic(request, "the arbiter is not available (" + CircusNames.ARBITER
                    + " is not registered)");
        }
        beans.forgetWatchers();
        String name = request.properties().path("name").asText("");
        return CommandError.message("program " + name + " not found");
    }

    private boolean arbiterRegistered() {
        try {
            return beans.server().isRegistered(CircusNames.ARBITER);
        } catch (java.io.IOException e) {
            return false;
        }
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
