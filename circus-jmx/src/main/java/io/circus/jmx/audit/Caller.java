package io.circus.jmx.audit;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Who asked for an operation, for the audit trail. It also counts what the trail recorded for it,
 * so that a facade can record a request the MBeans never saw (refused before) and only that one.
 *
 * <p>Thread-safe.
 */
public final class Caller {

    /** The facade name of the ZeroMQ control channel, which the endpoint_owner rule concerns. */
    public static final String ZMQ = "zmq";

    private final String facade;
    private final Supplier<String> identity;
    private final AtomicInteger recorded = new AtomicInteger();

    /**
     * @param facade   how the request came: {@code zmq}, {@code jmx}, {@code local}, {@code http}...
     * @param identity who, as precisely as the facade knows: a peer address with its uid, a CURVE key
     *                 name, a JMX principal; computed only when an audited operation needs it
     */
    public Caller(String facade, Supplier<String> identity) {
        this.facade = Objects.requireNonNull(facade, "facade");
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    public static Caller of(String facade, String identity) {
        return new Caller(facade, () -> identity);
    }

    public String facade() {
        return facade;
    }

    /** How many operations the trail recorded for this caller. */
    public int recorded() {
        return recorded.get();
    }

    void countRecorded() {
        recorded.incrementAndGet();
    }

    /** {@code facade identity}, e.g. {@code zmq 127.0.0.1:41234 uid=0}. */
    public String describe() {
        String who;
        try {
            who = identity.get();
        } catch (RuntimeException e) {
            who = "(unknown: " + e + ")";
        }
        return who == null || who.isEmpty() ? facade : facade + " " + who;
    }

    @Override
    public String toString() {
        return describe();
    }
}
