package io.circus.zmq;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs pyzmq clients (secure_peer.py), as this user or as {@code nobody} through setpriv. A missing
 * python3-zmq or setpriv skips the test, but fails it under CI=true.
 */
final class LocalPeers {

    private LocalPeers() {
    }

    static String python() {
        for (String p : List.of("/usr/bin/python3", "python3")) {
            try {
                Process check = new ProcessBuilder(p, "-c", "import zmq, zmq.auth").redirectErrorStream(true).start();
                if (check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0) {
                    return p;
                }
                check.destroyForcibly();
            } catch (IOException e) {
                // try the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        require(false, "no python3 can import zmq (bin/setup-test-deps installs python3-zmq)");
        return null;
    }

    /** Whether this machine can run a client as another user; fails under CI when it cannot. */
    static void requireNobody() {
        boolean ok = Files.isExecutable(Path.of("/usr/bin/setpriv")) && isRoot();
        require(ok, "running a client as nobody needs root and /usr/bin/setpriv");
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .anyMatch(l -> l.startsWith("Uid:") && l.substring(4).trim().split("\\s+")[1].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    private static void require(boolean ok, String why) {
        io.circus.testing.Requirements.require(ok, why);
    }

    /**
     * Runs secure_peer.py and returns its one line: {@code GOT <payload>} or {@code TIMEOUT}.
     *
     * @param asNobody run it as nobody:nogroup with no supplementary groups
     * @param keys     nothing, or the client's secret certificate and the server's public one
     */
    static String pyzmq(boolean asNobody, String mode, String endpoint, double timeoutSeconds, Path... keys)
            throws IOException, InterruptedException {
        String script;
        try (InputStream in = LocalPeers.class.getResourceAsStream("secure_peer.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> cmd = new ArrayList<>();
        if (asNobody) {
            cmd.addAll(List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        cmd.addAll(List.of(python(), "-c", script, mode, endpoint, Double.toString(timeoutSeconds)));
        for (Path k : keys) {
            cmd.add(k.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).directory(Path.of("/").toFile())
                .start();
        try {
            // One short line: it fits the pipe, so waiting for the exit first cannot block the child.
            assertTrue(p.waitFor((long) timeoutSeconds + 30, TimeUnit.SECONDS), "pyzmq client did not exit");
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
