package io.circus.console.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/** Applies {@code loglevel} and {@code logoutput} (Circus names) on top of the logback configuration. */
final class LogSetup {

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
            LayoutWrappingEncoder<ILoggingEvent> encoder = encoder(context);
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

    /** An encoder of Circus's line format (written by {@link CircusLineLayout}). */
    static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext context) {
        CircusLineLayout layout = new CircusLineLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
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
