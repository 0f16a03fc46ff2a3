package io.circus.console.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.circus.zmq.client.CallException;
import io.circus.zmq.client.CircusClient;
import io.circus.zmq.client.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A daemon that speaks Circus's ZeroMQ protocol: ours ({@code bin/circusd}) or Python's circusd
 * 0.19. Both get the same ini file (bar the multicast line Python would otherwise open) and are
 * driven by the same client code.
 *
 * @param daemon argv before the ini path
 * @param cli    argv of the one-shot client before {@code --endpoint E list}
 * @param python whether this is Python Circus (no multicast discovery socket: loopback only)
 */
record CircusContender(String name, List<String> daemon, List<String> cli, boolean python) implements Contender {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);

    @Override
    public Running launch(Workload w, Sweeper sweeper) throws IOException, InterruptedException {
        Endpoints e = new Endpoints(DaemonStarter.freePort(), DaemonStarter.freePort(), DaemonStarter.freePort());
        String tag = name.replaceAll("[^A-Za-z0-9]+", "-") + "-" + w.watcher() + "-" + w.n();
        Path ini = w.dir().resolve(tag + ".ini");
        Files.writeString(ini, ini(w, e, python));
        List<String> argv = new ArrayList<>(daemon);
        argv.add(ini.toString());
        long t0 = System.nanoTime();
        Process p = DaemonStarter.start(argv, w, tag + ".log", sweeper);
        Daemon d = new Daemon(p, w, e, w.dir().resolve(tag + ".log"), sweeper);
        try {
            d.awaitReady(t0);
        } catch (RuntimeException ex) {
            d.close();
            throw new IllegalStateException(name + " did not answer on " + e.control() + ": " + ex.getMessage()
                    + "\n--- its log ---\n" + d.logTail(), ex);
        }
        return d;
    }

    /** The ini both Circus implementations read. */
    static String ini(Workload w, Endpoints e, boolean python) {
        StringBuilder sb = new StringBuilder("[circus]\n");
        sb.append("endpoint = ").append(e.control()).append('\n');
        sb.append("pubsub_endpoint = ").append(e.pubsub()).append('\n');
        sb.append("check_delay = ").append(String.format(Locale.ROOT, "%s", w.checkDelay())).append('\n');
        if (python) {
            sb.append("multicast_endpoint =\n");
        }
        if (w.stats()) {
            sb.append("statsd = true\nstats_endpoint = ").append(e.stats()).append('\n');
        }
        sb.append("\n[watcher:").append(w.watcher()).append("]\n");
        sb.append("cmd = ").append(w.cmd()).append('\n');
        sb.append("numprocesses = ").append(w.n()).append('\n');
        sb.append("autostart = ").append(w.autostart()).append('\n');
        sb.append("graceful_timeout = 5\n");
        if (w.streams()) {
            for (String s : List.of("stdout", "stderr")) {
                sb.append(s).append("_stream.class = FileStream\n");
                sb.append(s).append("_stream.filename = ").append(w.dir().resolve(w.watcher() + "." + s + ".log")).append('\n');
            }
        }
        return sb.toString();
    }

    record Endpoints(int controlPort, int pubsubPort, int statsPort) {
        String control() {
            return "tcp://127.0.0.1:" + controlPort;
        }

        String pubsub() {
            return "tcp://127.0.0.1:" + pubsubPort;
        }

        String stats() {
            return "tcp://127.0.0.1:" + statsPort;
        }
    }

    /** A running Circus daemon. Threading: one benchmark thread drives it. */
    final class Daemon implements Running {

        private final Process process;
        private final Workload w;
        private final Endpoints endpoints;
        private final Path log;
        private final Sweeper sweeper;
        private final CircusClient client;
        private double readySeconds;

        Daemon(Process process, Workload w, Endpoints endpoints, Path log, Sweeper sweeper) {
            this.process = process;
            this.w = w;
            this.endpoints = endpoints;
            this.log = log;
            this.sweeper = sweeper;
            this.client = new CircusClient(endpoints.control(), CALL_TIMEOUT);
        }

        void awaitReady(long launchedAt) {
            long deadline = launchedAt + Duration.ofSeconds(120).toNanos();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("exited with status " + process.exitValue());
                }
                try {
                    Reply r = client.call("status", Map.of(), Duration.ofMillis(500));
                    if (!r.isError()) {
                        readySeconds = (System.nanoTime() - launchedAt) / 1e9;
                        return;
                    }
                } catch (CallException e) {
                    // not listening yet
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new Poll.TimedOut("no answer to 'status' within 120 s");
                }
            }
        }

        Endpoints endpoints() {
            return endpoints;
        }

        Workload workload() {
            return w;
        }

        /** A command, failing loudly on an error reply. */
        Reply call(String command, Map<String, ?> props) throws IOException {
            Reply r;
            try {
                r = client.call(command, props);
            } catch (CallException e) {
                throw new IOException(name + ": '" + command + "' " + e.getMessage(), e);
            }
            if (r.isError()) {
                throw new IOException(name + ": '" + command + "' answered an error: " + r.reason());
            }
            return r;
        }

        @Override
        public Process process() {
            return process;
        }

        @Override
        public double readySeconds() {
            return readySeconds;
        }

        @Override
        public void startWatcher() throws IOException {
            lifecycle("start");
        }

        @Override
        public void stopWatcher() throws IOException {
            lifecycle("stop");
        }

        /**
         * Python Circus refuses a command while another is still running ("arbiter is already
         * running ..."), which its own docs say to retry; ours never refuses.
         */
        private void lifecycle(String command) throws IOException {
            long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
            while (true) {
                try {
                    call(command, Map.of("name", w.watcher()));
                    return;
                } catch (IOException e) {
                    if (!String.valueOf(e.getMessage()).contains("already running") || System.nanoTime() - deadline > 0) {
                        throw e;
                    }
                    Poll.pause(java.time.Duration.ofMillis(20));
                }
            }
        }

        @Override
        public List<Long> runningPids() throws IOException {
            JsonNode pids = call("list", Map.of("name", w.watcher())).get("pids");
            List<Long> out = new ArrayList<>(pids == null ? 0 : pids.size());
            if (pids != null) {
                pids.forEach(p -> out.add(p.asLong()));
            }
            sweeper.children(out);
            return out;
        }

        @Override
        public void list() throws IOException {
            call("list", Map.of("name", w.watcher()));
        }

        @Override
        public void status() throws IOException {
            call("status", Map.of("name", w.watcher()));
        }

        @Override
        public List<String> oneShotCli() {
            List<String> argv = new ArrayList<>(cli);
            argv.addAll(List.of("--endpoint", endpoints.control(), "list"));
            return argv;
        }

        @Override
        public String logTail() {
            return DaemonStarter.tail(log, 30);
        }

        @Override
        public void close() {
            client.close();
            sweeper.sweep(process);
        }
    }
}
