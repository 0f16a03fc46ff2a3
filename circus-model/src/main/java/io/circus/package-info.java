/**
 * The library entry point ({@link io.circus.Circus}): supervise processes from a Java program
 * without the facades. API.
 *
 * <p>Threading: {@code Circus}'s methods may be called from any thread; the arbiter they return
 * follows the rules of {@link io.circus.runtime}.
 */
package io.circus;
