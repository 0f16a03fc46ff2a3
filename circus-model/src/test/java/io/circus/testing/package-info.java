/**
 * The test helpers every module's tests share, through circus-model's test-jar (a test-scoped
 * {@code <type>test-jar</type>} dependency): waiting for a condition with a deadline
 * ({@link io.circus.testing.Await}), test children ({@link io.circus.testing.TestChildren}: sleeper
 * watchers, Java mains, shell scripts), whether a pid is still alive ({@link io.circus.testing.Pids}),
 * free loopback ports ({@link io.circus.testing.FreePorts}), what a test needs from the machine
 * ({@link io.circus.testing.Requirements}), and the guard that fails a test leaving a child alive
 * ({@link io.circus.testing.ChildProcessGuard}, registered for every test by JUnit auto-detection).
 * An in-process daemon for a test is an {@link io.circus.daemon.EmbeddedDaemon}; each module's
 * fixture adds its own clients to one.
 *
 * <p>Threading: the helpers are stateless and may be called from any test thread.
 */
package io.circus.testing;
