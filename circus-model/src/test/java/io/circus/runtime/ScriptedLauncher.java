package io.circus.runtime;

import io.circus.process.Capability;
import io.circus.process.ManagedProcess;
import io.circus.process.ProcessLauncher;
import io.circus.process.SpawnException;
import io.circus.process.SpawnRequest;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real launcher with scripted trouble: the next spawns can throw what a test says, block until
 * released, and the open-files limit can be reported smaller than it is. Spawns that are not
 * scripted go to the real launcher, so every process is real.
 */
public final class ScriptedLauncher implements ProcessLauncher {

    /** What one spawn does before (or instead of) spawning. */
    @FunctionalInterface
    public interface Step {
        void run() throws SpawnException;
    }

    private final ProcessLauncher real;
    private final ConcurrentLinkedQueue<Step> steps = new ConcurrentLinkedQueue<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile OptionalLong limit;

    public ScriptedLauncher(ProcessLauncher real) {
        this.real = real;
        this.limit = null;
    }

    /** The next unscripted spawn runs {@code step} first; a step that throws replaces the spawn. */
    public ScriptedLauncher then(Step step) {
        steps.add(step);
        return this;
    }

    /** The next spawn fails with this errno (EMFILE is 24, ENOENT 2). */
    public ScriptedLauncher failWith(int errno, String message) {
        return then(() -> {
            throw new SpawnException(message, errno);
        });
    }

    /** Reports this soft open-files limit instead of the real one. */
    public ScriptedLauncher limit(long openFiles) {
        limit = OptionalLong.of(openFiles);
        return this;
    }

    /** How many spawns were asked for (scripted or not). */
    public int calls() {
        return calls.get();
    }

    @Override
    public ManagedProcess spawn(SpawnRequest request) throws SpawnException {
        calls.incrementAndGet();
        Step step = steps.poll();
        if (step != null) {
            step.run();
        }
        return real.spawn(request);
    }

    @Override public String name() { return real.name(); }
    @Override public Set<Capability> capabilities() { return real.capabilities(); }
    @Override public int threadCount() { return real.threadCount(); }
    @Override public boolean signalPid(long pid, io.circus.process.Signal s) { return real.signalPid(pid, s); }
    @Override public OptionalLong openFileLimit() { return limit != null ? limit : real.openFileLimit(); }
    @Override public int descriptorsPerChild(int streams) { return real.descriptorsPerChild(streams); }
    @Override public String descriptorsPerChildWhat() { return real.descriptorsPerChildWhat(); }
    @Override public java.util.concurrent.CompletionStage<String> failure() { return real.failure(); }

    @Override
    public void close() {
        // The real launcher belongs to the test.
    }
}
