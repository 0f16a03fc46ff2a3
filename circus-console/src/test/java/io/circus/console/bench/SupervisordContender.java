package io.circus.console.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's supervisord, driven over XML-RPC on its {@code inet_http_server} (127.0.0.1, free port).
 * The program group holds N processes with {@code startsecs = 0} (RUNNING as soon as spawned, as a
 * Circus process is) and {@code autorestart = true}; output goes nowhere ({@code NONE}), so the
 * daemon still holds a pipe pair per child, which is how supervisord works.
 *
 * @param supervisord path of {@code supervisord}
 * @param supervisorctl path of {@code supervisorctl}
 */
record SupervisordContender(String name, Path supervisord, Path supervisorctl) implements Contender {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);

    @Override
    public Running launch(Workload w, Sweeper sweeper) throws IOException, InterruptedException {
        long hard = ProcFs.hardOpenFilesLimit(ProcessHandle.current().pid());
        if (hard > 0 && 3L * w.n() + 256 > hard) {
            // It would start, fail to spawn past the limit and leave the rest in BACKOFF: say why now.
            throw new IllegalStateException("supervisord needs 3 descriptors per child (" + (3L * w.n() + 256)
                    + " for " + w.n() + ") and the hard open-files limit here is " + hard);
        }
        int port = DaemonStarter.freePort();
        String tag = "supervisord-" + w.watcher() + "-" + w.n();
        Path conf = w.dir().resolve(tag + ".conf");
        Files.writeString(conf, conf(w, port, w.dir().resolve(tag)));
        Files.createDirectories(w.dir().resolve(tag));
        long t0 = System.nanoTime();
        Process p = DaemonStarter.start(List.of(supervisord.toString(), "-n", "-c", conf.toString()), w, tag + ".log",
                sweeper);
        Daemon d = new Daemon(p, w, port, conf, w.dir().resolve(tag + ".log"), sweeper);
        try {
            d.awaitReady(t0);
        } catch (RuntimeException ex) {
            d.close();
            throw new IllegalStateException("supervisord did not answer on port " + port + ": " + ex.getMessage()
                    + "\n--- its log ---\n" + d.logTail(), ex);
        }
        return d;
    }

    static String conf(Workload w, int port, Path work) {
        String out = w.streams() ? work.resolve("%(program_name)s_%(process_num)05d.log").toString() : "NONE";
        return """
                [supervisord]
                nodaemon = true
                logfile = %1$s/supervisord.log
                pidfile = %1$s/supervisord.pid
                childlogdir = %1$s
                minfds = %2$d
                minprocs = %3$d

                [inet_http_server]
                port = 127.0.0.1:%4$d

                [rpcinterface:supervisor]
                supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

                [supervisorctl]
                serverurl = http://127.0.0.1:%4$d

                [program:%5$s]
                command = %6$s
                process_name = %%(program_name)s_%%(process_num)05d
                numprocs = %7$d
                autostart = %8$s
                autorestart = true
                startsecs = 0
                stopwaitsecs = 5
                stdout_logfile = %9$s
                stderr_logfile = %9$s
                """.formatted(work, minfds(w.n()), w.n() + 256, port, w.watcher(), w.cmd(), w.n(), w.autostart(), out);
    }

    /** supervisord holds three pipe ends per child and refuses to start below {@code minfds}. */
    static long minfds(int n) {
        return 3L * n + 256;
    }

    /** A running supervisord. Threading: one benchmark thread drives it. */
    final class Daemon implements Running {

        private final Process process;
        private final Workload w;
        private final Path conf;
        private final Path log;
        private final Sweeper sweeper;
        private final XmlRpcClient rpc;
        private double readySeconds;

        Daemon(Process process, Workload w, int port, Path conf, Path log, Sweeper sweeper) {
            this.process = process;
            this.w = w;
            this.conf = conf;
            this.log = log;
            this.sweeper = sweeper;
            this.rpc = new XmlRpcClient("http://127.0.0.1:" + port + "/RPC2", CALL_TIMEOUT);
        }

        void awaitReady(long launchedAt) {
            long deadline = launchedAt + Duration.ofSeconds(120).toNanos();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("exited with status " + process.exitValue());
                }
                try {
                    if (rpc.call("supervisor.getState") instanceof Map<?, ?> m && "RUNNING".equals(m.get("statename"))) {
                        readySeconds = (System.nanoTime() - launchedAt) / 1e9;
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new Poll.TimedOut("no answer to getState within 120 s");
                }
                Poll.pause(Duration.ofMillis(20));
            }
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
            rpc.call("supervisor.startProcessGroup", w.watcher(), false);
        }

        @Override
        public void stopWatcher() throws IOException {
            rpc.call("supervisor.stopProcessGroup", w.watcher(), false);
        }

        @Override
        public List<Long> runningPids() throws IOException {
            List<Long> pids = new ArrayList<>();
            if (rpc.call("supervisor.getAllProcessInfo") instanceof List<?> all) {
                for (Object o : all) {
                    if (o instanceof Map<?, ?> info && w.watcher().equals(info.get("group"))
                            && "RUNNING".equals(info.get("statename")) && info.get("pid") instanceof Long pid && pid > 0) {
                        pids.add(pid);
                    }
                }
            }
            sweeper.children(pids);
            return pids;
        }

        @Override
        public void list() throws IOException {
            rpc.call("supervisor.getAllProcessInfo");
        }

        @Override
        public void status() throws IOException {
            rpc.call("supervisor.getProcessInfo", w.watcher() + ":" + w.watcher() + "_00000");
        }

        @Override
        public List<String> oneShotCli() {
            return List.of(supervisorctl.toString(), "-c", conf.toString(), "pid");
        }

        @Override
        public String logTail() {
            return DaemonStarter.tail(log, 30);
        }

        @Override
        public void close() {
            sweeper.sweep(process);
        }
    }
}
