package io.circus.process;

import io.circus.process.jdk.JdkLauncher;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the process-layer backend: the Linux FFM launcher when the platform allows it, otherwise
 * the portable {@link JdkLauncher}, logging once why the native one was not used.
 */
public final class Launchers {

    /** System property forcing a backend: {@code linux-ffm} or {@code jdk}. */
    public static final String BACKEND_PROPERTY = "circus.launcher";

    private static final Logger LOG = LoggerFactory.getLogger(Launchers.class);
    private static final String NATIVE_CLASS = "io.circus.process.linux.LinuxFfmLauncher";

    private Launchers() {
    }

    /** The best backend available here, honouring {@value #BACKEND_PROPERTY}. */
    public static ProcessLauncher best() {
        String forced = System.getProperty(BACKEND_PROPERTY, "").strip().toLowerCase(Locale.ROOT);
        if (forced.equals("jdk")) {
            return new JdkLauncher();
        }
        try {
            return linuxFfm();
        } catch (UnsupportedOperationException e) {
            if (forced.equals("linux-ffm")) {
                throw e;
            }
            LOG.info("process layer: portable JDK backend ({})", e.getMessage());
            return new JdkLauncher();
        }
    }

    /**
     * The native Linux backend.
     *
     * @throws UnsupportedOperationException with the reason when it cannot run here
     */
    public static ProcessLauncher linuxFfm() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            throw new UnsupportedOperationException("not Linux");
        }
        try {
            Class<?> type = Class.forName(NATIVE_CLASS);
            return (ProcessLauncher) type.getMethod("create").invoke(null);
        } catch (ClassNotFoundException e) {
            throw new UnsupportedOperationException("native backend not present in this build");
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnsupportedOperationException u) {
                throw u;
            }
            throw new UnsupportedOperationException("native backend failed to start: " + cause, cause);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new UnsupportedOperationException("native backend unusable: " + e, e);
        }
    }
}
