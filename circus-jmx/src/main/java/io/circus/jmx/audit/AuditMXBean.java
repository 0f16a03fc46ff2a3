package io.circus.jmx.audit;

import io.circus.jmx.Description;

/**
 * {@code circus:type=Audit}: the audit trail's notifications ({@value AuditTrail#NOTIFICATION_TYPE}),
 * one per operation that changed something or tried to, with the same text as the {@code circus.audit}
 * log line and user data {@code caller}, {@code target}, {@code operation} (with its arguments),
 * {@code outcome}.
 */
@Description("The audit trail: a notification for every operation that changes something, saying who asked")
public interface AuditMXBean {

    @Description("Operations recorded since the daemon started")
    long getRecorded();

    @Description("Of those, operations that failed (bad input, refused, timed out)")
    long getFailed();
}
