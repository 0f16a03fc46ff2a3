package io.circus.jmx.internal;

import io.circus.runtime.Arbiter;

/** What every bean needs, shared: the arbiter, the waiting convention and the stats. */
record AgentContext(Arbiter arbiter, Completion completion, StatsAssembler stats) {
}
