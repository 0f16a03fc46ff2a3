package io.circus.runtime.takeover;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of a takeover at start.
 *
 * @param file           the state file read
 * @param previousDaemon the pid of the daemon that wrote it
 * @param stopped        every left-over process that was ours and what became of it
 * @param alreadyGone    recorded processes that had exited by themselves
 * @param notOurs        recorded pids now used by another process (start time differs): left alone
 * @param released       processes released by {@code rm --nostop}: left alone
 */
public record TakeoverReport(Path file, long previousDaemon, List<TakenOver> stopped, int alreadyGone, int notOurs,
                             int released) {

    public TakeoverReport {
        stopped = List.copyOf(stopped);
    }

    /** Nothing was found to take over. */
    public static TakeoverReport none(Path file) {
        return new TakeoverReport(file, 0, List.of(), 0, 0, 0);
    }

    /** One line per process taken over, e.g. {@code web wid 1 pid 4242 of circusd pid 4000: stopped by signal 15 in 40 ms}. */
    public List<String> lines() {
        return stopped.stream().map(t -> t.process() + " of circusd pid " + previousDaemon + ": " + t.outcome().label()
                + " by signal " + t.signal() + " in " + t.millis() + " ms").toList();
    }

    /** A one-line summary for the log. */
    public String summary() {
        return "takeover from " + file + ": " + stopped.size() + " process(es) of circusd pid " + previousDaemon
                + " stopped, " + alreadyGone + " already gone, " + notOurs + " pid(s) reused by other processes "
                + "left alone, " + released + " released process(es) left alone";
    }
}
