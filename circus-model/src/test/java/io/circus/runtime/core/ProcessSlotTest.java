package io.circus.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.process.ExitStatus;
import io.circus.process.ManagedProcess;
import io.circus.process.Signal;
import io.circus.process.SpawnRequest;
import io.circus.process.jdk.JdkLauncher;
import io.circus.runtime.ManualTicker;
import io.circus.runtime.ProcessState;
import io.circus.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ProcessSlot's transitions, on a real supervisor loop with a real child: the legal sequences
 * work, illegal ones are refused with an exception naming the slot, and every timer of the slot
 * dies with the transition that ends it.
 */
class ProcessSlotTest {

    private static final List<String> SLEEPER = List.of("/bin/sh", "-c", "exec sleep 60");

    private final ManualTicker ticker = new ManualTicker();
    private SupervisorLoop loop;
    private JdkLauncher launcher;
    private ManagedProcess child;
    private ProcessSlot slot;

    @BeforeEach
    void setUp() throws Exception {
        loop = new SupervisorLoop("slot-test-loop", ticker);
        launcher = new JdkLauncher();
        child = launcher.spawn(SpawnRequest.builder(SLEEPER).build());
        slot = new ProcessSlot("web", 1, new Backoff(Duration.ofSeconds(5)), loop);
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            child.signal(Signal.KILL);
            child.onExit().toCompletableFuture().get(15, TimeUnit.SECONDS);
        } finally {
            launcher.close();
            loop.shutdown();
        }
    }

    /** Runs on the supervisor loop, as every transition does, and returns its result. */
    private <T> T onLoop(Supplier<T> action) throws Exception {
        return loop.call(() -> CompletableFuture.completedFuture(action.get())).get(15, TimeUnit.SECONDS);
    }

    private void run(Runnable action) throws Exception {
        onLoop(() -> {
            action.run();
            return null;
        });
    }

    /** The exception an illegal transition throws on the loop. */
    private IllegalStateException refused(Runnable transition) {
        Exception e = assertThrows(Exception.class, () -> run(transition));
        Throwable cause = e.getCause();
        assertTrue(cause instanceof IllegalStateException, "expected a refusal, got " + e);
        assertTrue(cause.getMessage().contains("web#1"), "the refusal names the slot: " + cause.getMessage());
        return (IllegalStateException) cause;
    }

    private void spawn() throws Exception {
        run(() -> {
            slot.spawnStarted();
            slot.spawned(child, SLEEPER);
        });
    }

    @Test
    void aSpawnedSlotRunsUntilReapedAndAnUnaskedExitCountsAsARestart() throws Exception {
        spawn();
        assertEquals(ProcessState.RUNNING, slot.state());
        assertEquals(child.pid(), slot.pid());
        assertNull(onLoop(() -> slot.reaped(ExitStatus.exited(3))));
        assertEquals(ProcessState.EXITED, slot.state());
        assertEquals(1, slot.restarts());
        assertEquals(ExitStatus.exited(3), slot.lastExit());
    }

    @Test
    void aSecondProcessInARunningSlotIsRefused() throws Exception {
        spawn();
        refused(() -> slot.spawned(child, SLEEPER));
        refused(slot::spawnStarted);
        refused(slot::spawnAbandoned);
        assertEquals(ProcessState.RUNNING, slot.state());
    }

    @Test
    void aRetiredSlotNeverSpawnsAgain() throws Exception {
        run(slot::retire);
        assertTrue(refused(slot::spawnStarted).getMessage().contains("retired"));
    }

    @Test
    void nothingIsReapedOrKilledWithoutAProcess() throws Exception {
        refused(() -> slot.reaped(ExitStatus.exited(0)));
        refused(() -> slot.killBegun(false));
        refused(slot::escalated);
    }

    @Test
    void aKillSequenceRunsOnceAndEscalatesOnlyWhileItRuns() throws Exception {
        spawn();
        refused(slot::escalated);
        CompletableFuture<ExitStatus> stop = onLoop(() -> slot.killBegun(false));
        assertEquals(ProcessState.STOPPING, slot.state());
        refused(() -> slot.killBegun(false));
        assertSame(stop, onLoop(() -> slot.stopAsked(false)));
        run(slot::escalated);
        assertTrue(slot.wasEscalated());
        assertSame(stop, onLoop(() -> slot.reaped(ExitStatus.killed(9, false))));
        assertEquals(0, slot.restarts(), "an exit asked for is no restart");
    }

    @Test
    void aStopAskedDuringTheSpawnWaitsForItAndBlocksAnotherAttempt() throws Exception {
        run(slot::spawnStarted);
        CompletableFuture<ExitStatus> stop = onLoop(slot::stopOnceSpawned);
        refused(slot::stopOnceSpawned);
        assertTrue(refused(slot::spawnStarted).getMessage().contains("stop asked"));
        run(() -> slot.spawned(child, SLEEPER));
        assertTrue(slot.stopWaitsForSpawn());
        assertSame(stop, onLoop(() -> slot.killBegun(true)));
        assertFalse(slot.stopWaitsForSpawn());
        assertTrue(slot.retired());
        assertSame(stop, onLoop(() -> slot.reaped(ExitStatus.killed(15, false))));
        assertFalse(stop.isDone(), "the caller completes the stop once the exit is published");
    }

    @Test
    void anAbandonedSpawnReleasesTheStopWaitingForIt() throws Exception {
        run(slot::spawnStarted);
        CompletableFuture<ExitStatus> stop = onLoop(slot::stopOnceSpawned);
        run(slot::spawnAbandoned);
        assertTrue(stop.isDone());
        assertEquals(ProcessState.EXITED, slot.state());
        assertFalse(slot.stopUnderWay());
    }

    @Test
    void reapingCancelsTheEscalationAndDiscardingCancelsEveryTimer() throws Exception {
        AtomicInteger fired = new AtomicInteger();
        spawn();
        run(() -> {
            slot.expireAfter(1_000, fired::incrementAndGet);
            slot.stableAfter(1_000, fired::incrementAndGet);
            slot.killBegun(false);
            slot.escalateAfter(1_000, fired::incrementAndGet);
            slot.reaped(ExitStatus.exited(0));
            slot.respawnAfter(1_000, fired::incrementAndGet);
            slot.discarded();
        });
        // A control timer armed last fires after the slot's would have: the loop reached them all.
        AtomicInteger control = new AtomicInteger();
        run(() -> loop.schedule(2_000, control::incrementAndGet));
        ticker.advance(Duration.ofSeconds(1));
        loop.wakeup();
        Await.until("the control timer", () -> control.get() == 1);
        assertEquals(0, fired.get(), "no timer of a reaped and discarded slot fires");
    }

    @Test
    void aTimerClearsItselfBeforeItsActionSoTheSlotCanArmItAgain() throws Exception {
        AtomicInteger fired = new AtomicInteger();
        spawn();
        run(() -> slot.killBegun(false));
        run(() -> slot.escalateAfter(1_000, fired::incrementAndGet));
        run(() -> slot.escalateAfter(5_000, fired::incrementAndGet)); // later: the earlier one stays
        ticker.advance(Duration.ofSeconds(1));
        loop.wakeup();
        Await.until("the escalation timer", () -> fired.get() == 1);
        run(() -> slot.escalateAfter(1_000, fired::incrementAndGet)); // fired: may be armed again
        ticker.advance(Duration.ofSeconds(1));
        loop.wakeup();
        Await.until("the second escalation timer", () -> fired.get() == 2);
    }
}
