package io.circus.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Records what the supervision core logs (DEBUG and up) while open, for assertions on log volume. */
public final class LogCapture implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger("io.circus.runtime.core");
    private final Level previous = logger.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
    }

    /** Formatted messages at {@code level} or above that contain {@code text}. */
    public List<String> lines(Level level, String text) {
        synchronized (appender.list) {
            return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(level))
                    .map(e -> e.getLevel() + " " + e.getFormattedMessage()).filter(m -> m.contains(text)).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
    }
}
