package io.circus.console.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.testing.Requirements;
import io.circus.testing.TestChildren;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive console and the live top on a real pseudo-terminal (tmux), in a child JVM, against
 * a real daemon: completion of watcher names, Ctrl-C, history across restarts, Ctrl-D, events above
 * the line being edited, and top's refresh, resize and exit back to the console's screen.
 */
class InteractiveConsoleTest {

    @TempDir
    Path dir;

    private CtlDaemon daemon;
    private TmuxTerminal tmux;

    @BeforeAll
    static void needsTmux() {
        Requirements.require(TmuxTerminal.available(), "tmux (bin/setup-test-deps installs it)");
    }

    @BeforeEach
    void start() throws Exception {
        daemon = CtlDaemon.started(TestChildren.sleepers("sleepers", 2), TestChildren.sleepers("web", 1));
        tmux = new TmuxTerminal(dir);
    }

    @AfterEach
    void stop() {
        tmux.close();
        daemon.close();
    }

    private String console(String... options) {
        List<String> argv = new ArrayList<>(TestChildren.javaMain(CircusCtl.class));
        argv.add(1, "--enable-native-access=ALL-UNNAMED");
        argv.add(1, "-Dlogback.configurationFile=" + Path.of("..", "config", "logback-console.xml").toAbsolutePath());
        int main = argv.indexOf(CircusCtl.class.getName());
        argv.addAll(main + 1, List.of("--timeout", "30", "--endpoint", daemon.endpoint()));
        argv.addAll(List.of(options));
        String target = tmux.start(100, 30, Map.of("CIRCUSCTL_HISTORY", dir.resolve("history").toString(), "TERM", "xterm"), argv);
        tmux.awaitScreen(target, "the console's banner, status and prompt",
                s -> s.contains("web: active") && s.contains(Repl.PROMPT.strip()));
        return target;
    }

    private static String lastLine(String screen) {
        List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.getLast();
    }

    @Test
    void completionHistoryCtrlCAndCtrlD() throws Exception {
        String t = console();
        tmux.type(t, "list we");
        tmux.keys(t, "Tab");
        tmux.awaitScreen(t, "the watcher name completed", s -> lastLine(s).equals("(circusctl) list web"));
        tmux.keys(t, "Enter");
        long pid = daemon.arbiter.watcher("web").orElseThrow().pids().getFirst();
        tmux.awaitScreen(t, "the pid of web", s -> s.contains("\n" + pid + "\n"));
        // Circus's shell (Python cmd) answers an unknown command so, and the console stays.
        tmux.type(t, "foo bar");
        tmux.keys(t, "Enter");
        tmux.awaitScreen(t, "cmd's unknown syntax line", s -> s.contains("(circusctl) foo bar\n*** Unknown syntax: foo bar\n"));
        tmux.type(t, "numwatchers");
        tmux.keys(t, "Enter");
        tmux.awaitScreen(t, "numwatchers answered", s -> s.contains("(circusctl) numwatchers\n2\n"));
        tmux.type(t, "garbage typed");
        // Echoed after the prompt: the console is reading the line (raw mode), so Ctrl-C is a key, not
        // the tty's SIGINT that kills a JVM still between two lines (exit 130 on a loaded machine).
        tmux.awaitScreen(t, "the line typed at the prompt", s -> lastLine(s).equals("(circusctl) garbage typed"));
        tmux.keys(t, "C-c");
        tmux.awaitScreen(t, "Ctrl-C drops the line", s -> lastLine(s).equals(Repl.PROMPT.strip()));
        tmux.keys(t, "C-d");
        assertEquals(0, tmux.awaitExit(t));
        assertFalse(tmux.screen(t).contains("unrecognized"), tmux.screen(t));
        assertTrue(Files.readString(dir.resolve("history")).contains("numwatchers"));

        String again = console();
        tmux.keys(again, "Up");
        tmux.awaitScreen(again, "the last command recalled from history", s -> lastLine(s).equals("(circusctl) numwatchers"));
        tmux.keys(again, "Enter");
        tmux.awaitScreen(again, "the recalled command ran", s -> s.contains("(circusctl) numwatchers\n2\n"));
        tmux.type(again, "exit");
        tmux.keys(again, "Enter");
        assertEquals(0, tmux.awaitExit(again));
    }

    @Test
    void eventsPrintAboveTheLineBeingEdited() {
        String t = console("--pubsub", daemon.pubsub());
        tmux.type(t, "listen watcher.web.");
        tmux.keys(t, "Enter");
        tmux.awaitScreen(t, "listening", s -> s.contains("listening to watcher.web."));
        tmux.type(t, "stat");
        String screen = null;
        // A new subscription misses what is published before it reaches the daemon: spawn again until one shows.
        for (int attempt = 0; screen == null && attempt < 10; attempt++) {
            CommandLineInterfaceTest.Result r = CommandLineInterfaceTest.run(Map.of(), "--endpoint", daemon.endpoint(), "incr", "web");
            assertEquals(0, r.status(), r.err());
            try {
                screen = tmux.awaitScreen(t, "a spawn event above the prompt", java.time.Duration.ofSeconds(3),
                        s -> s.contains("b'watcher.web.spawn': b'{\"process_pid\": "));
            } catch (AssertionError notYet) {
                // Try once more.
            }
        }
        assertTrue(screen != null, "no event shown; screen:\n" + tmux.screen(t));
        assertEquals("(circusctl) stat", lastLine(screen), screen);
        tmux.keys(t, "C-u");
        tmux.type(t, "unlisten");
        tmux.keys(t, "Enter", "C-d");
        assertEquals(0, tmux.awaitExit(t));
    }

    @Test
    void topRefreshesResizesAndGivesTheScreenBack() {
        String t = console();
        tmux.type(t, "numwatchers");
        tmux.keys(t, "Enter");
        tmux.awaitScreen(t, "numwatchers answered", s -> s.contains("(circusctl) numwatchers\n2\n"));
        tmux.type(t, "top --interval 0.2");
        tmux.keys(t, "Enter");
        long first = daemon.arbiter.watcher("web").orElseThrow().pids().getFirst();
        tmux.awaitScreen(t, "top's screen", s -> s.contains("Circus Top") && s.contains("WATCHER / PID")
                && s.contains("  " + first + " ") && !s.contains("(circusctl)"));
        CommandLineInterfaceTest.Result r = CommandLineInterfaceTest.run(Map.of(), "--endpoint", daemon.endpoint(),
                "incr", "web", "--waiting");
        assertEquals(0, r.status(), r.err());
        long second = daemon.arbiter.watcher("web").orElseThrow().pids().stream().filter(p -> p != first).findFirst().orElseThrow();
        tmux.awaitScreen(t, "a refresh showing the new process", s -> s.contains("  " + second + " "));
        tmux.keys(t, "m");
        tmux.awaitScreen(t, "sorted by memory", s -> s.contains("sorted by mem"));
        tmux.resize(t, 70, 20);
        tmux.awaitScreen(t, "redrawn at the new width", s -> s.contains("Circus Top")
                && s.lines().allMatch(l -> l.length() <= 70) && s.contains("q quit"));
        tmux.keys(t, "q");
        // The console's own screen comes back (reflowed to the new width).
        String back = tmux.awaitScreen(t, "the console's screen again", s -> !s.contains("Circus Top")
                && s.contains("(circusctl) numwatchers") && s.contains("\n2\n"));
        assertTrue(lastLine(back).startsWith("(circusctl)"), back);
        tmux.type(t, "status web");
        tmux.keys(t, "Enter");
        tmux.awaitScreen(t, "the console works after top", s -> s.contains("(circusctl) status web\nactive\n"));
        tmux.keys(t, "C-d");
        assertEquals(0, tmux.awaitExit(t));
    }
}
