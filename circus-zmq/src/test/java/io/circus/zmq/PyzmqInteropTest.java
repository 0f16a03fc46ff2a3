package io.circus.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.testing.Await;
import io.circus.testing.Requirements;
import io.circus.testing.TestChildren;
import io.circus.zmq.internal.ChannelBeans;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A non-JeroMQ peer: Python's pyzmq (libzmq underneath) sends raw frames and gets, byte for byte,
 * the replies a JeroMQ peer gets (times aside), and receives the events. Skipped, saying why, when
 * no Python can import zmq ({@code bin/setup-test-deps} installs python3-zmq).
 */
@org.junit.jupiter.api.extension.ExtendWith(HangDump.class)
class PyzmqInteropTest {

    /** Requests that change nothing, so both peers must get the same text. */
    private static final List<List<byte[]>> SAME_REPLY = List.of(
            json("{\"id\":\"a1\",\"command\":\"list\",\"properties\":{}}"),
            json("{\"id\":\"a2\",\"command\":\"list\",\"properties\":{\"name\":\"sleeper\"}}"),
            json("{\"id\":\"a3\",\"command\":\"status\",\"properties\":{\"name\":\"sleeper\"}}"),
            json("{\"id\":\"a4\",\"command\":\"STATUS\"}"),
            json("{\"id\":5,\"command\":\"numwatchers\"}"),
            json("{\"command\":\"numprocesses\",\"properties\":{\"name\":\"SLEEPER\"}}"),
            json("{\"id\":\"a7\",\"command\":\"globaloptions\"}"),
            json("{\"id\":\"a5\",\"command\":\"options\",\"properties\":{\"name\":\"sleeper\"}}"),
            json("{\"id\":\"i3\",\"command\":\"get\",\"properties\":{\"name\":\"sleeper\",\"keys\":[\"respawn\",\"numprocesses\"]}}"),
            json("{\"id\":\"a8\",\"command\":\"listsockets\"}"),
            json("not json"),
            List.of(new byte[] {'{', (byte) 0xc3, (byte) 0x28, '}'}),
            List.of(new byte[0]),
            json("[1,2]"),
            json("{\"id\":\"n1\"}"),
            json("{\"id\":\"b1\",\"command\":\"nope\"}"),
            json("{\"id\":\"b2\",\"command\":\"get\",\"properties\":{\"name\":\"sleeper\"}}"),
            json("{\"id\":\"b3\",\"command\":\"incr\",\"properties\":{\"name\":\"ghost\"}}"),
            json("{\"id\":\"i4\",\"command\":\"set\",\"properties\":{\"name\":\"sleeper\",\"options\":{\"numprocesses\":\"3\"}}}"),
            json("{\"id\":\"\\u00e9t\\u00e9\",\"command\":\"numwatchers\"}"),
            List.of("x".getBytes(StandardCharsets.US_ASCII), "{\"command\":\"list\"}".getBytes(StandardCharsets.US_ASCII)),
            List.of(new byte[0], "{\"id\":\"e1\",\"command\":\"numwatchers\"}".getBytes(StandardCharsets.US_ASCII)),
            // Refused, but with the id the client waits for: too large (2 MiB), several payload frames.
            json("{\"id\":\"big\",\"command\":\"list\",\"properties\":{\"pad\":\"" + "x".repeat(2 << 20) + "\"}}"),
            List.of("{\"id\":\"mf\",\"command\":\"list\"}".getBytes(StandardCharsets.US_ASCII),
                    "more".getBytes(StandardCharsets.US_ASCII)));

    @Test
    void pyzmqGetsTheRepliesAJeroMqPeerGetsAndTheEvents(@TempDir Path dir) throws Exception {
        String python = pythonWithZmq();
        Requirements.require(python != null,
                "a python3 that can import zmq (python3-zmq; bin/setup-test-deps installs it)");
        Path script = dir.resolve("pyzmq_peer.py");
        try (InputStream in = PyzmqInteropTest.class.getResourceAsStream("pyzmq_peer.py")) {
            Files.copy(in, script);
        }
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("sleeper", 1).build()); RawPeer java = d.peer()) {
            Process py = new ProcessBuilder(python, script.toString(), d.endpoint(), d.zmq.pubsubEndpoint())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (Writer out = py.outputWriter(StandardCharsets.US_ASCII);
                 BufferedReader in = new BufferedReader(new InputStreamReader(py.getInputStream(), StandardCharsets.US_ASCII))) {
                for (List<byte[]> request : SAME_REPLY) {
                    List<byte[]> fromPython = ask(out, in, "req " + b64(request));
                    java.send(request.toArray(byte[][]::new));
                    List<byte[]> fromJava = java.frames(RawPeer.REPLY_TIMEOUT);
                    assertEquals(text(fromJava), text(fromPython), "reply to " + text(request));
                }

                // A change made from Python, then its event seen by a Python subscriber.
                assertTrue(ask(out, in, "sub " + b64(List.of("watcher.".getBytes(StandardCharsets.US_ASCII)))).isEmpty());
                Await.until("the Python subscription reached the publisher", () -> subscriptions(d) >= 1);
                String incr = text(ask(out, in, "req " + b64(json(
                        "{\"id\":\"d4\",\"command\":\"incr\",\"properties\":{\"name\":\"sleeper\",\"waiting\":true}}"))));
                assertEquals("[{\"status\": \"ok\", \"time\": 0, \"numprocesses\": 2, \"id\": \"d4\"}]", incr);
                List<Long> pids = d.arbiter.watcher("sleeper").orElseThrow().pids();
                List<byte[]> event = ask(out, in, "recv");
                assertEquals(2, event.size(), text(event));
                assertEquals("watcher.sleeper.spawn", new String(event.get(0), StandardCharsets.US_ASCII));
                String payload = new String(event.get(1), StandardCharsets.US_ASCII);
                assertTrue(payload.matches("\\{\"process_pid\": \\d+, \"time\": \\d+\\.\\d+, \"seq\": \\d+}"), payload);
                assertTrue(pids.contains(Long.parseLong(payload.replaceAll(".*\"process_pid\": (\\d+),.*", "$1"))));
                out.write("quit\n");
                out.flush();
            } finally {
                if (!py.waitFor(10, TimeUnit.SECONDS)) {
                    py.destroyForcibly().waitFor();
                }
            }
        }
    }

    private static int subscriptions(ZmqDaemon d) {
        try {
            return (Integer) d.server.getAttribute(ChannelBeans.name("pubsub"), "Subscriptions");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Sends one command line to the Python peer and decodes its answer. */
    private static List<byte[]> ask(Writer out, BufferedReader in, String line) throws IOException {
        out.write(line + "\n");
        out.flush();
        String answer = in.readLine();
        if (answer == null || answer.equals("timeout")) {
            throw new AssertionError("the Python peer got no answer to " + line);
        }
        List<byte[]> frames = new ArrayList<>();
        if (answer.equals("ok")) {
            return frames;
        }
        for (String f : answer.split(",", -1)) {
            frames.add(Base64.getDecoder().decode(f));
        }
        return frames;
    }

    /** The frames as text, with every reply's time zeroed (the only field that differs). */
    private static String text(List<byte[]> frames) {
        List<String> out = new ArrayList<>();
        for (byte[] f : frames) {
            out.add(new String(f, StandardCharsets.ISO_8859_1).replaceAll("\"time\": [0-9.]+", "\"time\": 0"));
        }
        return out.toString();
    }

    private static String b64(List<byte[]> frames) {
        List<String> out = new ArrayList<>();
        frames.forEach(f -> out.add(Base64.getEncoder().encodeToString(f)));
        return String.join(",", out);
    }

    private static List<byte[]> json(String s) {
        return List.of(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The first of the usual pythons that can import zmq: Debian's python3-zmq is for /usr/bin/python3. */
    static String pythonWithZmq() {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import zmq").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
                p.destroyForcibly().waitFor();
            } catch (IOException e) {
                // Not installed here; try the next one.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
