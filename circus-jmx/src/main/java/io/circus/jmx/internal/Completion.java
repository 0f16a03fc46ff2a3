package io.circus.jmx.internal;

import io.circus.jmx.Refusals;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code waiting} convention: a waiting operation blocks the JMX caller's thread (never the
 * supervisor loop) on the runtime's future, up to the operation timeout; a non-waiting one returns
 * at once and only logs a later failure, as Circus does (a refusal the runtime returns already
 * failed is thrown at once either way).
 *
 * <p>Exceptions reach remote clients, which may not have our classes: only JDK exception types are
 * thrown, with the runtime's message and no cause chain. A refusal (an IllegalArgumentException,
 * with its kind when it is a CircusException) is thrown in its JMX form ({@link Refusals}); anything
 * else becomes an IllegalStateException.
 */
final class Completion {

    private static final Logger LOG = LoggerFactory.getLogger(Completion.class);

    private final Duration timeout;
    private final Runnable settle;

    /**
     * @param settle run after a waited-for operation, so that the beans (process slots added or
     *               removed) reflect its outcome by the time the caller reads them
     */
    Completion(Duration timeout, Runnable settle) {
        this.timeout = timeout;
        this.settle = settle;
    }

    /** Blocks until done; returns the result. */
    <T> T await(CompletableFuture<T> future, String what) {
        try {
            T value = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            settle.run();
            return value;
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " is still running after " + timeout.toSeconds()
                    + " s; it goes on in the background");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what);
        } catch (ExecutionException | CancellationException | CompletionException e) {
            throw translate(e, what);
        }
    }

    /** With waiting, {@link #await}; without, returns null at once and logs a later failure. */
    <T> T await(boolean waiting, CompletableFuture<T> future, String what) {
        if (waiting || future.isCompletedExceptionally()) {
            // A refusal known at once (e.g. the open-files limit) is answered even without waiting.
            return await(future, what);
        }
        future.whenComplete((v, e) -> {
            if (e != null) {
                LOG.error("{} failed: {}", what, unwrap(e).getMessage(), unwrap(e));
            }
        });
        return null;
    }

    /** A JDK exception carrying the failure's message, fit to travel to a remote client. */
    static RuntimeException translate(Throwable failure, String what) {
        Throwable cause = unwrap(failure);
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        if (cause instanceof IllegalArgumentException refusal) {
            return Refusals.toJmx(refusal);
        }
        LOG.debug("{} failed", what, cause);
        return new IllegalStateException(what + " failed: " + message);
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
