package io.circus.console.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.circus.console.ctl.CommandLineInterfaceTest.Result;
import io.circus.testing.TestChildren;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same command list over ZeroMQ and over JMX gives the same text and exit status, errors
 * included; the state-changing commands run in pairs that leave the daemon as it was.
 */
class TransportParityTest {

    private static final List<List<String>> READS = List.of(
            List.of("list"), List.of("list", "sleepers"), List.of("list", "nope"), List.of("status"), List.of("status", "web"),
            List.of("status", "nope"), List.of("numwatchers"), List.of("numprocesses"), List.of("numprocesses", "WEB"),
            List.of("options", "web"), List.of("get", "web", "numprocesses", "env", "respawn"), List.of("get", "web", "bogus"),
            List.of("globaloptions", "check_delay"), List.of("globaloptions", "nope"), List.of("listsockets"),
            List.of("stats", "web"), List.of("stats"), List.of("stats", "web", "1"), List.of("ipython"));
    /** Run after every read, since they replace processes (decr stops the oldest) and pids show in reads. */
    private static final List<List<String>> WRITES = List.of(List.of("incr", "web", "--waiting"),
            List.of("decr", "web", "--waiting"), List.of("incr", "nope"), List.of("set", "web", "graceful_timeout", "5", "--waiting"),
            List.of("set", "web", "numprocesses", "-1"), List.of("signal", "web", "CONT"), List.of("signal", "web", "NOSUCH"),
            List.of("start", "nope"), List.of("stop", "nope", "--match", "bogus"),
            List.of("add", "extra", "sleep", "3600"), List.of("status", "extra"), List.of("rm", "extra", "--waiting"),
            List.of("add", "web", "sleep", "1"));

    @Test
    void sameOutputOverZeroMqAndJmx() {
        try (CtlDaemon daemon = CtlDaemon.started(TestChildren.sleepers("sleepers", 2), TestChildren.sleepers("web", 1))) {
            for (List<List<String>> commands : List.of(READS, WRITES)) {
                List<String> zmq = transcript(commands, "--endpoint", daemon.endpoint());
                List<String> jmx = transcript(commands, "--jmx", daemon.jmxAddress());
                for (int i = 0; i < commands.size(); i++) {
                    assertEquals(zmq.get(i), jmx.get(i), String.join(" ", commands.get(i)));
                }
            }
        }
    }

    private static List<String> transcript(List<List<String>> commands, String option, String address) {
        List<String> out = new ArrayList<>();
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(List.of("--timeout", "30", option, address));
            args.addAll(command);
            Result r = CommandLineInterfaceTest.run(Map.of(), args.toArray(String[]::new));
            // errno 5 reasons quote the raw request, whose id differs between any two calls.
            out.add(r.status() + "\n" + r.out() + "\n" + r.err().replaceAll("[0-9a-f]{32}", "<id>"));
        }
        return out;
    }
}
