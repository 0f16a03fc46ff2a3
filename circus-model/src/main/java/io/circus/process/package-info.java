/**
 * The process layer's API: a {@link io.circus.process.ProcessLauncher} spawns children from a
 * {@link io.circus.process.SpawnRequest} and reports their output and exit; signals, rlimits,
 * credentials and stdio placement are described here, implemented by the backends in
 * {@code process.linux} (FFM) and {@code process.jdk}. API.
 *
 * <p>Threading: {@code spawn} may be called from any thread and returns once the child exists (or
 * has certainly failed to); exit and output callbacks come from the launcher's own thread(s) and
 * must not block.
 */
package io.circus.process;
