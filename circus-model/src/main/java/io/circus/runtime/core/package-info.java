/**
 * The supervision core behind {@link io.circus.runtime}: {@link io.circus.runtime.core.ArbiterCore}
 * (built here, which is why the package is public), the watchers, their slots, the spawner, back-off
 * and reload logic. Internal apart from {@code ArbiterCore}'s builder: facades use the
 * {@link io.circus.runtime} interfaces.
 *
 * <p>Threading: one {@code SupervisorLoop} thread owns every piece of runtime state, so nothing here
 * takes a lock; public operations hop onto the loop and return futures, spawns run on the
 * {@code Spawner}'s threads and complete back on the loop, reads use volatile fields.
 */
package io.circus.runtime.core;
