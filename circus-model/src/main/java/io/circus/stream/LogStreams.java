package io.circus.stream;

import io.circus.config.StreamConfig;
import io.circus.stream.file.FileStream;
import io.circus.stream.file.TimedRotatingFileStream;
import io.circus.stream.file.WatchedFileStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Builds a {@link LogStream} from a {@code stdout_stream.*} / {@code stderr_stream.*} config, as
 * Circus's {@code get_stream}: a built-in class name (case-sensitive, as Circus; a
 * {@code circus.stream.} prefix is accepted), a dotted Java class name, or none.
 *
 * <p>A user class needs a public {@code (Map<String,String> options)} constructor and implements either
 * {@link StreamTarget} (preferred: it is then driven by the writer thread and may block) or
 * {@link LogStream} (it then takes on LogStream's non-blocking contract itself).
 *
 * <p>Threading: any thread except the launcher's I/O thread and the writer thread ({@link #open}
 * waits for the writer to open the file).
 */
public final class LogStreams {

    /** Built-in classes by Circus name. */
    private static final Map<String, BiFunction<Map<String, String>, Clock, StreamTarget>> BUILT_IN = Map.of(
            "FileStream", FileStream::new,
            "WatchedFileStream", WatchedFileStream::new,
            "TimedRotatingFileStream", TimedRotatingFileStream::new,
            "StdoutStream", (options, clock) -> new StdoutStream(options),
            "FancyStdoutStream", FancyStdoutStream::new);

    private static final String CIRCUS_PACKAGE = "circus.stream.";

    private LogStreams() {
    }

    /**
     * Builds and opens the stream (the file is created now, so a bad path fails the watcher's start).
     *
     * @return the stream, or null when the config names none (no class and no filename): discard
     * @throws IllegalArgumentException     for a bad config, naming the key and value
     * @throws java.io.UncheckedIOException when the file cannot be opened
     */
    public static LogStream open(StreamConfig config, StreamWriter writer) {
        String className = effectiveClass(config);
        if (className == null) {
            return null;
        }
        var builtIn = BUILT_IN.get(className);
        if (builtIn != null) {
            return opened(new QueuedLogStream(builtIn.apply(config.options(), writer.clock()), writer));
        }
        Object instance = instantiate(userClass(className), config.options());
        if (instance instanceof StreamTarget target) {
            return opened(new QueuedLogStream(target, writer));
        }
        return (LogStream) instance;
    }

    /**
     * Checks a config exactly as {@link #open} would, without creating files or instantiating user
     * classes, so that the config loader can refuse to start the daemon.
     *
     * @throws IllegalArgumentException naming the bad key and value
     */
    public static void validate(StreamConfig config) {
        String className = effectiveClass(config);
        if (className == null) {
            return;
        }
        var builtIn = BUILT_IN.get(className);
        if (builtIn != null) {
            // Constructors only parse options; all I/O waits for open().
            builtIn.apply(config.options(), Clock.systemDefaultZone());
        } else {
            userClass(className);
        }
    }

    private static LogStream opened(QueuedLogStream stream) {
        stream.reopen();
        return stream;
    }

    /** The class to use, or null for no stream; rejects unknown simple names. */
    private static String effectiveClass(StreamConfig config) {
        String name = config.className().trim();
        if (name.isEmpty()) {
            String filename = config.options().get("filename");
            return filename == null || filename.isBlank() ? null : "FileStream";
        }
        if (name.startsWith(CIRCUS_PACKAGE) && BUILT_IN.containsKey(name.substring(CIRCUS_PACKAGE.length()))) {
            return name.substring(CIRCUS_PACKAGE.length());
        }
        if (BUILT_IN.containsKey(name) || name.contains(".")) {
            return name;
        }
        String why = "QueueStream".equals(name)
                ? "QueueStream (a Python queue for tests) is not supported"
                : "unknown stream class" + caseHint(name) + "; expected one of " + List.copyOf(
                        new java.util.TreeSet<>(BUILT_IN.keySet())) + " or a fully qualified Java class";
        throw StreamOptions.invalid("class", name, why);
    }

    private static String caseHint(String name) {
        for (String known : BUILT_IN.keySet()) {
            if (known.equalsIgnoreCase(name)) {
                return " (class names are case-sensitive: did you mean " + known + "?)";
            }
        }
        return "";
    }

    private static Constructor<?> userClass(String name) {
        Class<?> type;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            type = Class.forName(name, false, loader != null ? loader : LogStreams.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw StreamOptions.invalid("class", name, "class not found");
        }
        if (!StreamTarget.class.isAssignableFrom(type) && !LogStream.class.isAssignableFrom(type)) {
            throw StreamOptions.invalid("class", name, "implements neither " + StreamTarget.class.getName()
                    + " nor " + LogStream.class.getName());
        }
        if (Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
            throw StreamOptions.invalid("class", name, "not a public concrete class");
        }
        try {
            return type.getConstructor(Map.class);
        } catch (NoSuchMethodException e) {
            throw StreamOptions.invalid("class", name, "no public constructor (Map<String,String> options)");
        }
    }

    private static Object instantiate(Constructor<?> constructor, Map<String, String> options) {
        try {
            return constructor.newInstance(options);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("stream class " + constructor.getDeclaringClass().getName()
                    + " failed to initialise: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot instantiate stream class "
                    + constructor.getDeclaringClass().getName() + ": " + e, e);
        }
    }
}
