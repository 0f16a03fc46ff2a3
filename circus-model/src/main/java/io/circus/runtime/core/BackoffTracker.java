package io.circus.runtime.core;

import io.circus.event.EventType;
import io.circus.runtime.BackoffStatus;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether one watcher is backing off, for logs, status and events. A crash loop must not flood the
 * log: one WARN line when the watcher starts backing off and one INFO line when it recovers; every
 * respawn in between is logged at DEBUG. A slot enters back-off when its respawn or spawn retry is
 * delayed, and leaves it once a process in it has run {@link Backoff#STABLE} (or it is stopped).
 *
 * <p>Threading: changes on the supervisor loop; {@link #status()} from any thread.
 */
final class BackoffTracker {

    static {
        FlappingEvents.warmUp();
    }

    private static final Logger LOG = LoggerFactory.getLogger(BackoffTracker.class);

    /** A slot in back-off: when its retry is due (loop ticks), or {@code Long.MIN_VALUE} while it spawns. */
    private record Waiting(long dueTicks, long dueEpochMillis, long delayNanos) {
    }

    /**
     * Loaded now, not on the first back-off: a back-off often starts because descriptors ran out
     * (EMFILE), and then a class cannot be read from a class directory.
     */
    private static final Waiting LOADED_EARLY = new Waiting(0, 0, 0);

    private final String watcher;
    private final RuntimeContext ctx;
    private final Map<Integer, Waiting> slots = new HashMap<>();
    private long sinceMillis;
    private long respawns;
    private String reason = "";
    private volatile BackoffStatus status = BackoffStatus.NONE;

    BackoffTracker(String watcher, RuntimeContext ctx) {
        this.watcher = watcher;
        this.ctx = ctx;
    }

    BackoffStatus status() {
        return status;
    }

    boolean active() {
        return !slots.isEmpty();
    }

    boolean contains(ProcessSlot slot) {
        return slots.containsKey(slot.wid());
    }

    /** A slot's respawn or retry was scheduled {@code delayNanos} from now because of {@code why}. */
    void waiting(ProcessSlot slot, long delayNanos, long capNanos, String why) {
        boolean first = slots.isEmpty();
        long dueMillis = System.currentTimeMillis() + delayNanos / 1_000_000;
        slots.put(slot.wid(), new Waiting(ctx.loop().now() + delayNanos, dueMillis, delayNanos));
        reason = why;
        respawns++;
        if (first) {
            sinceMillis = System.currentTimeMillis();
            respawns = 1;
        }
        // The status first: a client that reacts to the event reads it at once, without the loop.
        refresh();
        if (first) {
            LOG.warn("{}: {}; respawning with a back-off of up to {} ms until processes run {} s (further respawns"
                    + " are logged at DEBUG)", watcher, why, capNanos / 1_000_000, Backoff.STABLE.toSeconds());
            ctx.events().publish(EventType.BACKOFF, watcher, slot.wid(), 0, Map.of(
                    "time", System.currentTimeMillis() / 1000.0, "reason", why,
                    "delay", delayNanos / 1e9, "next_retry", dueMillis / 1000.0));
            ctx.events().publish(EventType.FLAPPING, watcher, slot.wid(), 0,
                    FlappingEvents.backoff(why, delayNanos / 1e9, dueMillis));
        } else {
            LOG.debug("{}: {}; respawning wid {} in {} ms", watcher, why, slot.wid(), delayNanos / 1_000_000);
        }
    }

    /** The slot's retry is under way (its timer fired). */
    void retrying(ProcessSlot slot) {
        Waiting w = slots.get(slot.wid());
        if (w != null) {
            slots.put(slot.wid(), new Waiting(Long.MIN_VALUE, 0, w.delayNanos()));
            refresh();
        }
    }

    /** A process in the slot ran long enough: the slot leaves back-off. */
    void stable(ProcessSlot slot) {
        leave(slot, "stable");
    }

    /** The slot stops or leaves the watcher. */
    void forget(ProcessSlot slot) {
        leave(slot, "stopped");
    }

    /** Every slot stops. */
    void clear() {
        if (!slots.isEmpty()) {
            slots.clear();
            recovered("stopped");
        }
    }

    private void leave(ProcessSlot slot, String why) {
        if (slots.remove(slot.wid()) != null) {
            if (slots.isEmpty()) {
                recovered(why);
            } else {
                refresh();
            }
        }
    }

    private void recovered(String why) {
        long seconds = (System.currentTimeMillis() - sinceMillis) / 1000;
        if (why.equals("stable")) {
            LOG.info("{}: recovered, processes run stably again after {} delayed respawns in {} s", watcher, respawns, seconds);
        } else {
            LOG.info("{}: back-off ended ({}) after {} delayed respawns in {} s", watcher, why, respawns, seconds);
        }
        reason = "";
        refresh();
        ctx.events().publish(EventType.RECOVERED, watcher, 0, 0, Map.of(
                "time", System.currentTimeMillis() / 1000.0, "reason", why, "respawns", respawns));
    }

    private void refresh() {
        if (slots.isEmpty()) {
            status = BackoffStatus.NONE;
            return;
        }
        long next = 0;
        long delay = 0;
        for (Waiting w : slots.values()) {
            if (w.dueTicks() != Long.MIN_VALUE && (next == 0 || w.dueEpochMillis() < next)) {
                next = w.dueEpochMillis();
            }
            delay = Math.max(delay, w.delayNanos());
        }
        status = new BackoffStatus(true, slots.size(), sinceMillis, next, delay / 1_000_000, reason);
    }
}
