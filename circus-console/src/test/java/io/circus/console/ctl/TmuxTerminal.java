package io.circus.console.ctl;

import io.circus.testing.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real pseudo-terminal for console tests: a program run in a tmux session on a private server
 * socket, driven with {@code send-keys} and read with {@code capture-pane}. Panes stay after their
 * program exits so its exit status can be read. Closing kills the private server and with it
 * whatever still runs in it.
 */
final class TmuxTerminal implements AutoCloseable {

    private final String socket = "circusctl-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private final Path config;
    private int sessions;

    TmuxTerminal(Path dir) throws IOException {
        config = dir.resolve("tmux.conf");
        Files.writeString(config, "set -g remain-on-exit on\nset -g history-limit 2000\n");
    }

    static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts {@code argv} with {@code env} added in a new window of the given size; returns its target. */
    String start(int cols, int rows, Map<String, String> env, List<String> argv) {
        String target = "s" + (++sessions);
        StringBuilder cmd = new StringBuilder("env");
        env.forEach((k, v) -> cmd.append(' ').append(quote(k + "=" + v)));
        argv.forEach(a -> cmd.append(' ').append(quote(a)));
        // tmux 3.3 does not always record a dead pane's status: the shell prints it instead.
        cmd.append("; echo \"[exit $?]\"");
        tmux("-f", config.toString(), "new-session", "-d", "-s", target, "-x", Integer.toString(cols), "-y",
                Integer.toString(rows), cmd.toString());
        return target;
    }

    void keys(String target, String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", target));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** Text typed literally, not looked up as key names. */
    void type(String target, String text) {
        tmux("send-keys", "-t", target, "-l", text);
    }

    String screen(String target) {
        return tmux("capture-pane", "-p", "-t", target);
    }

    void resize(String target, int cols, int rows) {
        tmux("resize-window", "-t", target, "-x", Integer.toString(cols), "-y", Integer.toString(rows));
    }

    String awaitScreen(String target, String what, Predicate<String> condition) {
        return awaitScreen(target, what, Duration.ofSeconds(30), condition);
    }

    String awaitScreen(String target, String what, Duration timeout, Predicate<String> condition) {
        String[] last = {""};
        try {
            Await.until(what, timeout, () -> condition.test(last[0] = screen(target)));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; screen:\n" + last[0], e);
        }
        return last[0];
    }

    /** Waits for the program to end and returns its exit status. */
    int awaitExit(String target) {
        String screen = awaitScreen(target, target + " exits", s -> EXIT.matcher(s).find());
        java.util.regex.Matcher m = EXIT.matcher(screen);
        m.find();
        return Integer.parseInt(m.group(1));
    }

    private static final java.util.regex.Pattern EXIT = java.util.regex.Pattern.compile("\\[exit (\\d+)]");

    private String tmux(String... args) {
        List<String> argv = new ArrayList<>(List.of("tmux", "-L", socket));
        argv.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() {
        try {
            new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // Nothing left to stop, or the test is being torn down anyway.
        }
    }
}
