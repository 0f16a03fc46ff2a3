/**
 * Process figures from {@code /proc} (Linux): CPU, memory, age, children, as Circus's {@code stats}
 * reports them, and their Circus text. API for the facades' stats.
 *
 * <p>Threading: {@link io.circus.stats.ProcessSampler} is thread-safe and non-blocking apart from its
 * file reads; the records are immutable.
 */
package io.circus.stats;
