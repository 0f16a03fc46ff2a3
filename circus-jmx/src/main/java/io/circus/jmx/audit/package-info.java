/**
 * The audit trail: every operation that changes something, from any facade, recorded once where all
 * facades meet, at the MBean layer ({@link io.circus.jmx.audit.AuditTrail}). A line on the
 * {@code circus.audit} logger and a {@code circus.audit} notification of {@code circus:type=Audit}
 * say what was asked, its outcome and who asked ({@link io.circus.jmx.audit.Caller}), which a
 * facade states with {@link io.circus.jmx.audit.CallerContext} around its MBean call; calls over the
 * JMX connector are identified by their principal and host. See docs/security.md.
 *
 * <p>API: facades bind their caller here.
 *
 * <p>Threading: the caller is a ScopedValue of the calling thread, not inherited by threads the call
 * starts (a facade that hands a request to another thread binds it there); the trail may be written
 * from any thread.
 */
package io.circus.jmx.audit;
