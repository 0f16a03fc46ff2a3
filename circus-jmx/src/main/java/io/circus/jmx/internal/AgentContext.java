package io.circus.jmx.internal;

import io.circus.event.Event;
import io.circus.runtime.Arbiter;
import java.util.function.Consumer;

/**
 * What every bean needs, shared: the arbiter, the waiting convention, the stats, and a way to publish the events the runtime does not publish itself.
 *
 * @param synthetic hands an event built here (Circus's {@code updated}) to the notification dispatcher
 */
record AgentContext(Arbiter arbiter, Completion completion, StatsAssembler stats, Consumer<Event> synthetic) {
}
