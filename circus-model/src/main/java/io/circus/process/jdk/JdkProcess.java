package io.circus.process.jdk;

import io.circus.process.ExitStatus;
import io.circus.process.ManagedProcess;
import io.circus.process.Signal;
import io.circus.process.SpawnRequest;
import io.circus.process.Stdio;
import io.circus.process.StreamId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A child of the {@link JdkLauncher}: a {@link Process} plus one platform reader thread per pipe. */
final class JdkProcess implements ManagedProcess {

    /** How long output may still arrive after the exit (a grandchild holding the pipe). */
    private static final long DRAIN_GRACE_MILLIS = 2_000;

    private final Process process;
    private final boolean grouped;
    private final long startedNanos = System.nanoTime();
    private final long startedMillis = System.currentTimeMillis();
    private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();

    JdkProcess(Process process, SpawnRequest request, boolean grouped, AtomicInteger readerCount) {
        this.process = process;
        this.grouped = grouped;
        List<CutOffStream> streams = new ArrayList<>();
        if (request.stdout() == Stdio.PIPE) {
            streams.add(read(process.getInputStream(), StreamId.STDOUT, request, readerCount));
        }
        if (request.stderr() == Stdio.PIPE) {
            streams.add(read(process.getErrorStream(), StreamId.STDERR, request, readerCount));
        }
        CompletableFuture<Void> allDrained = CompletableFuture.allOf(
                streams.stream().map(CutOffStream::drained).toArray(CompletableFuture[]::new));
        boolean killGroup = grouped && request.killGroupOnExit();
        process.onExit().thenCompose(p -> {
                    if (killGroup) {
                        // The JDK reaps before telling us: best effort, with the pid-reuse race the
                        // native backend avoids (docs/process-layer.md).
                        runKill(Signal.KILL, "-" + p.pid());
                    }
                    return allDrained
                        .completeOnTimeout(null, DRAIN_GRACE_MILLIS, TimeUnit.MILLISECONDS)
                        // A descendant still holds the pipe: close the stream for the sink now, so
                        // onClosed precedes onExit; the reader's later bytes are dropped.
                        .thenApply(ignored -> {
                            streams.forEach(CutOffStream::cutOff);
                            return status(p.exitValue());
                        });
                })
                .whenComplete((status, error) -> {
                    if (error != null) {
                        exit.completeExceptionally(error);
                    } else {
                        exit.complete(status);
                    }
                });
    }

    /** The JDK reports a signal death as 128 + signal; that is the best the portable backend knows. */
    private static ExitStatus status(int value) {
        if (value > 128 && value <= 128 + Signal.MAX) {
            return ExitStatus.killed(value - 128, false);
        }
        return ExitStatus.exited(value);
    }

    /** One piped stream: its reader delivers to the sink until EOF or until it is cut off. */
    private record CutOffStream(long pid, StreamId id, SpawnRequest request, AtomicBoolean closed,
                                CompletableFuture<Void> drained) {
        void deliver(byte[] buf, int n) {
            synchronized (this) {
                if (!closed.get()) {
                    request.sink().onOutput(pid, id, ByteBuffer.wrap(buf, 0, n));
                }
            }
        }

        void cutOff() {
            synchronized (this) {
                if (closed.compareAndSet(false, true)) {
                    request.sink().onClosed(pid, id);
                }
            }
            drained.complete(null);
        }
    }

    private CutOffStream read(InputStream in, StreamId id, SpawnRequest request, AtomicInteger count) {
        long pid = process.pid();
        CutOffStream stream = new CutOffStream(pid, id, request, new AtomicBoolean(), new CompletableFuture<>());
        Thread.ofPlatform().daemon().name("circus-" + id.circusName() + "-" + pid).start(() -> {
            count.incrementAndGet();
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    stream.deliver(buf, n);
                }
            } catch (IOException e) {
                // The stream was closed under us: treat as end of file.
            } finally {
                count.decrementAndGet();
                stream.cutOff();
            }
        });
        return stream;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public long startedNanos() {
        return startedNanos;
    }

    @Override
    public long startedEpochMillis() {
        return startedMillis;
    }

    @Override
    public boolean signal(Signal signal) {
        if (!process.isAlive()) {
            return false;
        }
        if (signal.number() == Signal.KILL.number()) {
            process.destroyForcibly();
            return true;
        }
        if (signal.number() == Signal.TERM.number() || JdkLauncher.KILL == null) {
            process.destroy();
            return true;
        }
        return runKill(signal, Long.toString(process.pid()));
    }

    @Override
    public boolean signalGroup(Signal signal) {
        if (!grouped) {
            throw new UnsupportedOperationException("process " + pid() + " does not lead a process group");
        }
        return runKill(signal, "-" + process.pid());
    }

    private static boolean runKill(Signal signal, String target) {
        try {
            Process kill = new ProcessBuilder(JdkLauncher.KILL.toString(), "-s", Integer.toString(signal.number()),
                    "--", target).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public CompletionStage<ExitStatus> onExit() {
        return exit;
    }
}
