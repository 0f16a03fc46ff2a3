package io.circus.console.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/** Applies {@code loglevel} and {@code logoutput} (Circus names) on top of the logback configuration. */
final class LogSetup {

    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss} circus[" + ProcessHandle.current().pid() + "] [%level] %msg%n";

    private LogSetup() {
    }

    /** @throws IllegalArgumentException for an unknown level */
    static void apply(String level, String output) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (level != null) {
            root.setLevel(level(level));
        }
        if (output != null && !output.equals("-") && !output.equalsIgnoreCase("stdout")) {
            if (output.startsWith("syslog:")) {
                throw new IllegalArgumentException("logoutput '" + output + "': syslog output is not supported; "
                        + "use a file or a logback configuration (see docs/compatibility.md)");
            }
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern(PATTERN);
            encoder.start();
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setContext(context);
            file.setName("circus-file");
            file.setFile(output);
            file.setAppend(true);
            file.setEncoder(encoder);
            file.start();
            root.detachAndStopAllAppenders();
            root.addAppender(file);
        }
    }

    static Level level(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "critical", "fatal", "error" -> Level.ERROR;
            case "warning", "warn" -> Level.WARN;
            case "info" -> Level.INFO;
            case "debug" -> Level.DEBUG;
            case "trace" -> Level.TRACE;
            default -> throw new IllegalArgumentException("unknown log level '" + name
                    + "' (expected critical, error, warning, info or debug)");
        };
    }
}
