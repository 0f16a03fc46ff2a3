package io.circus.console.daemon;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Circus's log line, {@code 2026-12-04 22:50:19 circus[<pid>] [INFO] message}, followed by the stack
 * trace of an exception if there is one: what the pattern
 * {@code %d{yyyy-MM-dd HH:mm:ss} circus[<pid>] [%level] %msg%n} of {@code config/logback.xml} gives,
 * without logback's pattern machinery (its converter registry alone is ~70 generated
 * classes that a daemon keeps resident for its whole life).
 *
 * <p>Threading: logback calls {@link #doLayout} under the appender's lock; the cached second is
 * guarded by this instance's monitor anyway.
 */
final class CircusLineLayout extends LayoutBase<ILoggingEvent> {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final String process = " circus[" + ProcessHandle.current().pid() + "] [";
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedStamp = "";

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(96);
        line.append(stamp(event.getTimeStamp())).append(process).append(event.getLevel()).append("] ")
                .append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown)).append(CoreConstants.LINE_SEPARATOR);
        }
        return line.toString();
    }

    private synchronized String stamp(long millis) {
        long second = Math.floorDiv(millis, 1000);
        if (second != cachedSecond) {
            cachedStamp = SECONDS.format(Instant.ofEpochSecond(second));
            cachedSecond = second;
        }
        return cachedStamp;
    }
}
