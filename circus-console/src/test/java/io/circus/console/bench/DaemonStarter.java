package io.circus.console.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a daemon under test as its own session ({@code setsid}), so a Ctrl-C at the terminal
 * reaches the benchmark, whose sweeper then ends the daemon and its children, rather than reaching
 * the daemons half-way through a measurement. Output goes to a log file in the run's directory.
 */
final class DaemonStarter {

    private DaemonStarter() {
    }

    static Process start(List<String> argv, Workload w, String logName, Sweeper sweeper) throws IOException {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            full.add("/usr/bin/setsid");
        }
        if (w.openFiles() > 0) {
            full.addAll(List.of("/bin/sh", "-c", "ulimit -Sn " + w.openFiles() + " && exec \"$0\" \"$@\""));
        }
        full.addAll(argv);
        Path log = w.dir().resolve(logName);
        Process p = new ProcessBuilder(full).directory(w.dir().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        sweeper.daemon(p);
        return p;
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A free TCP port on 127.0.0.1 (the daemons bind loopback only). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** An executable found on PATH, or null. */
    static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
