package io.circus.console.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.testing.FreePorts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import io.circus.testing.Await;
import io.circus.testing.TestChildren;
import org.junit.jupiter.api.Test;

/**
 * The console off a terminal (commands from standard input, no prompt; top as one snapshot),
 * listen over both transports, and --pid attaching to a daemon JVM on this host.
 */
class LineModeAndSnapshotTest {

    @Test
    void commandsFromStandardInputWithoutPrompt() {
        try (CtlDaemon d = CtlDaemon.started(TestChildren.sleepers("web", 1))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            String script = "list\n\n# a comment\nstatus 'web'\nnumprocesses web\nstatus nope\nfoo\nnumwatchers\n";
            int status = CircusCtl.run(List.of("--endpoint", d.endpoint()), new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false);
            // An unknown command is Python cmd's "*** Unknown syntax", as in Circus's shell, not a usage error.
            assertEquals("web\nactive\n1\n*** Unknown syntax: foo\n1\n", out.toString(StandardCharsets.UTF_8));
            assertEquals("error\n", err.toString(StandardCharsets.UTF_8));
            assertEquals(1, status);
        }
    }

    @Test
    void topOffATerminalPrintsOneSnapshot() {
        try (CtlDaemon d = CtlDaemon.started(TestChildren.sleepers("sleepers", 2), TestChildren.sleepers("web", 1))) {
            CommandLineInterfaceTest.Result r = CommandLineInterfaceTest.run(Map.of(), "--endpoint", d.endpoint(), "top", "--sort", "pid");
            assertEquals(0, r.status(), r.err());
            List<String> lines = r.out().lines().toList();
            assertTrue(lines.get(0).startsWith("Circus Top  " + d.endpoint() + "  2 watchers, 3 processes, sorted by pid"), r.out());
            assertTrue(lines.get(1).startsWith("WATCHER / PID"), r.out());
            assertTrue(lines.get(2).startsWith("sleepers                 active"), r.out());
            List<Long> pids = d.arbiter.watcher("sleepers").orElseThrow().pids().stream().sorted().toList();
            assertTrue(lines.get(3).startsWith("  " + pids.get(0) + " ") && lines.get(3).contains(" running "), r.out());
            assertTrue(lines.get(4).startsWith("  " + pids.get(1) + " "), r.out());
            assertTrue(lines.get(5).startsWith("web                      active"), r.out());
            assertEquals(7, lines.size(), r.out());
            assertEquals(1, CommandLineInterfaceTest.run(Map.of(), "--endpoint", d.endpoint(), "top", "--sort", "bogus").status());
        }
    }

    @Test
    void listenGivesTheSameEventsOverZeroMqAndJmx() throws Exception {
        try (CtlDaemon d = CtlDaemon.started(TestChildren.sleepers("web", 1));
             ZmqTransport zmq = new ZmqTransport(d.endpoint(), Duration.ofSeconds(30));
             JmxTransport jmx = JmxTransport.connect(d.jmxAddress(), null, Duration.ofSeconds(30))) {
            List<Transport.Event> overZmq = new CopyOnWriteArrayList<>();
            List<Transport.Event> overJmx = new CopyOnWriteArrayList<>();
            try (AutoCloseable a = zmq.listen(d.pubsub(), List.of("watcher.web."), overZmq::add);
                 AutoCloseable b = jmx.listen(null, List.of("watcher.web."), overJmx::add)) {
                // The ZeroMQ subscription is live once it sees an event: spawn until it does.
                Await.until("an event over ZeroMQ", () -> {
                    if (overZmq.isEmpty()) {
                        CommandLineInterfaceTest.run(Map.of(), "--endpoint", d.endpoint(), "incr", "web");
                    }
                    return !overZmq.isEmpty();
                });
                assertEquals(0, CommandLineInterfaceTest.run(Map.of(), "--endpoint", d.endpoint(), "decr", "web", "--waiting").status());
                Transport.Event z = Await.value("a kill over ZeroMQ", () -> first(overZmq, "watcher.web.kill"));
                Transport.Event j = Await.value("a kill over JMX", () -> first(overJmx, "watcher.web.kill"));
                assertEquals(z, j);
                assertTrue(CommandRunner.eventLine(z).matches("b'watcher\\.web\\.kill': b'\\{\"process_pid\": \\d+, \"time\": [\\d.]+, \"seq\": \\d+}'"),
                        CommandRunner.eventLine(z));
            }
        }
    }

    /**
     * One-shot {@code listen} given the control endpoint (Circus waits in silence there): it says so
     * and follows the daemon's pubsub_endpoint instead.
     */
    @Test
    void oneShotListenOnTheControlEndpointFollowsThePubsubEndpoint() throws Exception {
        try (CtlDaemon d = new CtlDaemon(List.of(TestChildren.sleepers("web", 1).build()),
                javax.management.MBeanServerFactory.newMBeanServer(), "tcp://127.0.0.1:" + FreePorts.loopback())) {
            List<String> argv = new ArrayList<>(TestChildren.javaMain(CircusCtl.class, "--endpoint", d.endpoint(),
                    "listen", "watcher.web."));
            argv.add(1, "-Dlogback.configurationFile=" + java.nio.file.Path.of("..", "config", "logback-console.xml").toAbsolutePath());
            java.nio.file.Path errors = java.nio.file.Files.createTempFile("circusctl-listen", ".err");
            java.nio.file.Path output = java.nio.file.Files.createTempFile("circusctl-listen", ".out");
            Process p = new ProcessBuilder(argv).redirectError(errors.toFile()).redirectOutput(output.toFile()).start();
            try {
                Await.until("the console says where events come from", () -> read(errors).contains("circusctl: " + d.endpoint() + " is the control endpoint; events come from the daemon's "
                                + "pubsub_endpoint " + d.pubsub() + "\ncircusctl: listening to watcher.web. on " + d.pubsub()));
                Await.until("an event on standard output", () -> {
                    if (!read(output).contains("b'watcher.web.spawn'")) {
                        CommandLineInterfaceTest.run(Map.of(), "--endpoint", d.endpoint(), "incr", "web");
                        return false;
                    }
                    return true;
                });
            } finally {
                p.destroy();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                java.nio.file.Files.delete(errors);
                java.nio.file.Files.delete(output);
            }
        }
    }

    private static String read(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static Transport.Event first(List<Transport.Event> events, String topic) {
        return events.stream().filter(e -> e.topic().equals(topic)).findFirst().orElse(null);
    }

    @Test
    void attachesByPidToADaemonJvm() throws Exception {
        try (CtlDaemon d = new CtlDaemon(List.of(TestChildren.sleepers("web", 1).build()), ManagementFactory.getPlatformMBeanServer())) {
            List<String> argv = new ArrayList<>(TestChildren.javaMain(CircusCtl.class, "--pid",
                    Long.toString(ProcessHandle.current().pid()), "status"));
            argv.add(1, "-Dlogback.configurationFile=" + java.nio.file.Path.of("..", "config", "logback-console.xml").toAbsolutePath());
            java.nio.file.Path errors = java.nio.file.Files.createTempFile("circusctl-attach", ".err");
            Process p = new ProcessBuilder(argv).redirectError(errors.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String err = java.nio.file.Files.readString(errors);
            java.nio.file.Files.delete(errors);
            assertEquals("web: active\n", out, err);
            assertEquals(0, p.exitValue(), err);
        }
    }
}
