package io.circus.console.bench;

import java.io.IOException;
import java.util.List;

/** A process supervisor the benchmark measures: ours, Python Circus 0.19 or supervisord. */
interface Contender {

    /** Column name in the tables. */
    String name();

    /** Starts the daemon on {@code w} and returns once its control channel answers. */
    Running launch(Workload w, Sweeper sweeper) throws IOException, InterruptedException;

    /**
     * A daemon under measurement, driven only from outside: its pid, /proc and its own protocol.
     * {@link #close()} ends it and everything it started.
     */
    interface Running extends AutoCloseable {

        Process process();

        default long pid() {
            return process().pid();
        }

        /** Seconds from launch until the control channel first answered. */
        double readySeconds();

        /** Asks the daemon to start the watcher (does not wait for the processes). */
        void startWatcher() throws IOException;

        /** Asks the daemon to stop the watcher (does not wait for the processes). */
        void stopWatcher() throws IOException;

        /** Pids of the watcher's running processes, as the daemon reports them. */
        List<Long> runningPids() throws IOException;

        /** One call of the figure "list": every process of the watcher with its pid. */
        void list() throws IOException;

        /** One call of the figure "status": the watcher's (or one process's) state. */
        void status() throws IOException;

        /** argv of the contender's one-shot command-line client listing what it runs. */
        List<String> oneShotCli();

        /** The last lines of the daemon's own output, for failure reports. */
        String logTail();

        @Override
        void close();
    }
}
