package io.circus.console.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * circusd's default logging, set up in code: the same as {@code config/logback.xml} (Circus's line
 * format on standard error, level from {@code circus.loglevel}) without logback's XML configurator,
 * whose ~490 classes were a tenth of the daemon's metaspace, and with {@link CircusLineLayout} rather
 * than a pattern. Found by logback through the
 * {@link Configurator} service; it acts only when the launcher asks for it
 * ({@code -Dcircus.logback=builtin}, which {@code bin/circusd} passes unless {@code CIRCUS_LOGBACK}
 * names a file) and no {@code logback.configurationFile} is set, so an operator's file, circusctl and
 * the tests keep logback's usual configuration.
 *
 * <p>Threading: called once by logback on the thread that first asks for a logger.
 */
public final class BuiltInLogConfigurator extends ContextAwareBase implements Configurator {

    /** The system property, and its value, that select this configuration. */
    static final String PROPERTY = "circus.logback";
    static final String BUILT_IN = "builtin";

    public BuiltInLogConfigurator() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (!BUILT_IN.equals(System.getProperty(PROPERTY)) || System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.NEUTRAL;
        }
        LayoutWrappingEncoder<ILoggingEvent> encoder = LogSetup.encoder(context);
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDERR");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level(System.getProperty("circus.loglevel")));
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** An unknown level falls back to INFO here; LogSetup reports it with its proper error later. */
    private static Level level(String name) {
        if (name == null) {
            return Level.INFO;
        }
        try {
            return LogSetup.level(name);
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }
}
