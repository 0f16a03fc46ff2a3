package io.circus.console.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.console.daemon.DaemonProcess;
import io.circus.testing.FreePorts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** circusctl pointed at two real daemons (two JVMs) in one command: every line prefixed by its endpoint. */
class FleetRunTest {

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    private static Run circusctl(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CircusCtl.run(List.of(args), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), false);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private DaemonProcess daemon(String name, String watcher, String endpoint, String pubsub) throws Exception {
        Path ini = dir.resolve(name + ".ini");
        Files.writeString(ini, """
                [circus]
                endpoint = %s
                pubsub_endpoint = %s

                [watcher:%s]
                cmd = sleep 3600
                numprocesses = 1
                graceful_timeout = 5
                """.formatted(endpoint, pubsub, watcher));
        return new DaemonProcess(dir, ini.toString());
    }

    @Test
    void oneCommandSeveralDaemonsPrefixedOutputAndTheWorstStatus() throws Exception {
        String a = "tcp://127.0.0.1:" + FreePorts.loopback();
        String b = "tcp://127.0.0.1:" + FreePorts.loopback();
        try (DaemonProcess da = daemon("a", "alpha", a, "tcp://127.0.0.1:" + FreePorts.loopback());
             DaemonProcess db = daemon("b", "beta", b, "tcp://127.0.0.1:" + FreePorts.loopback())) {
            da.awaitLog("Arbiter now waiting for commands");
            db.awaitLog("Arbiter now waiting for commands");

            Run status = circusctl("--timeout", "30", "--endpoint", a, "--endpoint", b, "status");
            assertEquals("[" + a + "] alpha: active\n[" + b + "] beta: active\n", status.out(), status.err());
            assertEquals(0, status.status());

            Run incr = circusctl("--timeout", "30", "--endpoint=" + a, "--endpoint=" + b, "incr", "alpha", "--waiting");
            assertEquals("[" + a + "] 2\n", incr.out(), incr.err());
            assertEquals("[" + b + "] error: program alpha not found\n", incr.err());
            assertEquals(3, incr.status(), "the worst status of the two");
            assertEquals(2, da.children().size());
            assertEquals(1, db.children().size());

            Run console = circusctl("--endpoint", a, "--endpoint", b);
            assertEquals(2, console.status());
            assertTrue(console.err().contains("several --endpoint/--jmx need a one-shot command"), console.err());
        }
    }
}
