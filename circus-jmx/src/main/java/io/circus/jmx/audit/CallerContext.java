package io.circus.jmx.audit;

import java.rmi.server.RemoteServer;
import java.rmi.server.ServerNotActiveException;
import java.security.Principal;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.security.auth.Subject;

/**
 * The caller of the MBean operation running on this thread. A facade that calls the MBeans in
 * process binds it around the call:
 * <pre>{@code
 * Map<String, Object> reply = CallerContext.call(caller, () -> dispatcher.handle(request));
 * }</pre>
 * Without a binding, a call that came through the JMX connector is identified by its authenticated
 * principal (if any) and client host; anything else is {@code local}.
 *
 * <p>Threading: the binding is a ScopedValue of the calling thread; it is not inherited by threads
 * the call starts, so a facade that hands a request to another thread binds it there.
 */
public final class CallerContext {

    private static final ScopedValue<Caller> CALLER = ScopedValue.newInstance();

    private CallerContext() {
    }

    /** Runs {@code work} with {@code caller} as the caller of the MBean operations it makes. */
    public static <T> T call(Caller caller, Callable<T> work) throws Exception {
        return ScopedValue.where(CALLER, caller).call(work::call);
    }

    /** Like {@link #call} for work that throws no checked exception. */
    public static <T> T get(Caller caller, java.util.function.Supplier<T> work) {
        return ScopedValue.where(CALLER, caller).call(work::get);
    }

    /** The caller of the operation running on this thread. */
    public static Caller current() {
        if (CALLER.isBound()) {
            return CALLER.get();
        }
        String host;
        try {
            host = RemoteServer.getClientHost();
        } catch (ServerNotActiveException e) {
            return Caller.of("local", "");
        }
        Subject subject = Subject.current();
        String principals = subject == null ? "" : subject.getPrincipals().stream().map(Principal::getName)
                .distinct().collect(Collectors.joining(","));
        return Caller.of("jmx", (principals.isEmpty() ? "" : principals + "@") + host);
    }
}
