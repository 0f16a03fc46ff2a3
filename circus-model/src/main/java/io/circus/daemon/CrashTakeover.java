package io.circus.daemon;

import io.circus.config.CircusConfig;
import io.circus.config.WatcherConfig;
import io.circus.runtime.Arbiter;
import io.circus.runtime.SupervisedProcess;
import io.circus.runtime.Watcher;
import io.circus.runtime.takeover.PreviousLife;
import io.circus.runtime.takeover.ProcessRecord;
import io.circus.runtime.takeover.StateFileLocator;
import io.circus.runtime.takeover.StateJournal;
import io.circus.runtime.takeover.TakenOver;
import io.circus.runtime.takeover.Takeover;
import io.circus.runtime.takeover.TakeoverReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's side of crash takeover (docs/crash-recovery.md): before the arbiter exists (so before
 * any socket is bound), stop what a previous daemon on this configuration left running; once it
 * exists, record this daemon's processes in the state file; at exit, close the file (a clean stop
 * removes it). Used by {@link EmbeddedDaemon} on the thread that builds or closes it.
 */
final class CrashTakeover implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CrashTakeover.class);

    private final Path file;
    /** Whether {@code [circus] statefile} names the file: then failing to create it is an error. */
    private final boolean explicit;
    private final TakeoverReport report;
    private StateJournal journal;

    private CrashTakeover(Path file, boolean explicit, TakeoverReport report) {
        this.file = file;
        this.explicit = explicit;
        this.report = report;
    }

    /**
     * Reads the state file and stops every process of the previous daemon; blocks until they are gone.
     *
     * @throws IllegalStateException with a message for the user when the state file cannot be read or
     *                               its daemon still runs
     */
    static CrashTakeover takeOver(Path ini, CircusConfig config) {
        if (ini == null) {
            return none();
        }
        String option = config.global().statefile();
        Optional<Path> located = StateFileLocator.locate(ini, option);
        if (located.isEmpty()) {
            return none();
        }
        Path file = located.get();
        PreviousLife life;
        try {
            life = PreviousLife.read(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the state file " + file + ": " + e.getMessage()
                    + " (set [circus] statefile, or statefile = none to turn crash takeover off)", e);
        }
        return new CrashTakeover(file, option != null && !option.isBlank(), Takeover.run(life, name -> find(config, name)));
    }

    /** No crash takeover: nothing stopped, nothing recorded. */
    static CrashTakeover none() {
        return new CrashTakeover(null, false, TakeoverReport.none(null));
    }

    private static WatcherConfig find(CircusConfig config, String name) {
        return config.watchers().stream().filter(w -> w.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    TakeoverReport report() {
        return report;
    }

    /**
     * Starts recording the arbiter's processes; call before it starts any watcher. When the default
     * place is not writable (a read-only directory beside the configuration), the daemon runs without
     * crash takeover and says so; a file named by {@code statefile} must work.
     *
     * @throws IllegalStateException when the state file named by {@code statefile} cannot be created
     */
    void record(Arbiter arbiter) {
        if (file == null) {
            return;
        }
        try {
            List<ProcessRecord> survivors = report.stopped().stream()
                    .filter(t -> t.outcome() == TakenOver.Outcome.SURVIVED).map(TakenOver::process).toList();
            journal = StateJournal.open(file, name -> arbiter.watcher(name).map(Watcher::config).orElse(null),
                    (name, pid) -> arbiter.watcher(name).flatMap(w -> w.process(pid)).flatMap(SupervisedProcess::kernelStart),
                    survivors);
        } catch (IOException e) {
            String message = "cannot create the state file " + file + ": " + e.getMessage()
                    + " (set [circus] statefile, or statefile = none to turn crash takeover off)";
            if (explicit) {
                throw new IllegalStateException(message, e);
            }
            LOG.error("{}; running without crash takeover: if this daemon is killed, its children are not "
                    + "stopped by the next one", message);
            return;
        }
        arbiter.addListener(journal);
    }

    @Override
    public void close() {
        if (journal != null) {
            journal.close();
        }
    }
}
