package io.circus.console.ctl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether circusctl runs on a terminal. Kept apart from the console so that a one-shot command does
 * not load JLine to find out.
 */
final class TerminalCheck {

    private TerminalCheck() {
    }

    /**
     * Whether the console should be interactive: input and output on a terminal. Read from
     * /proc rather than through {@link System#console()}, whose JDK 25 implementation sets up a
     * terminal of its own (and erases what a short command printed when the JVM exits).
     */
    static boolean onTerminal() {
        return tty(0) && tty(1);
    }

    private static boolean tty(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            java.io.Console c = System.console();
            return c != null && c.isTerminal();
        }
    }
}
