package io.circus.hook;

import static io.circus.runtime.ArbiterFixture.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.circus.event.Event;
import io.circus.event.EventType;
import io.circus.testing.Pids;
import io.circus.runtime.ArbiterFixture;
import io.circus.runtime.WatcherState;
import io.circus.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Command hooks: environment, JSON on stdin, exit status as the result, output to the log, timeout and kill. */
class CommandHookTest {

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("io.circus.hook.run");

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    private Path script(String name, String... lines) {
        Path p = dir.resolve(name);
        try {
            Files.writeString(p, "#!/bin/sh\n" + String.join("\n", lines) + "\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Records its environment and standard input into {@code $1}, says hello, exits with {@code $2}. */
    private Path recorder() {
        return script("record.sh",
                "{ echo \"hook=$CIRCUS_HOOK watcher=$CIRCUS_WATCHER pid=$CIRCUS_PID signum=$CIRCUS_SIGNUM"
                        + " exit=$CIRCUS_EXIT_CODE status=$CIRCUS_PROCESS_STATUS\"; cat; } >> \"$1\"",
                "echo \"hello from $CIRCUS_HOOK\"",
                "exit \"$2\"");
    }

    private ArbiterFixture daemon(String... watcherLines) throws Exception {
        List<String> lines = new java.util.ArrayList<>(List.of("[watcher:w]", "cmd = sleep 3600", "graceful_timeout = 5"));
        lines.addAll(List.of(watcherLines));
        return HookedDaemon.of(dir, null, lines.toArray(String[]::new));
    }

    private List<String> recorded() {
        try {
            Path p = dir.resolve("calls");
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> logged(String text) {
        synchronized (log.list) {
            return log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(text)).toList();
        }
    }

    @Test
    void exitZeroSucceedsWithTheDataInEnvironmentAndStdinAndTheOutputInTheLog() throws Exception {
        Path rec = recorder();
        try (ArbiterFixture d = daemon("hooks.before_start = exec:" + rec + " " + dir.resolve("calls") + " 0",
                "hooks.after_spawn = " + rec + " " + dir.resolve("calls") + " 0")) {
            join(d.arbiter.start());
            assertEquals(WatcherState.ACTIVE, d.watcher("w").state());
            long pid = d.watcher("w").pids().getFirst();
            List<String> calls = recorded();
            assertEquals("hook=before_start watcher=w pid= signum= exit= status=", calls.get(0));
            assertTrue(calls.get(1).matches("\\{\"hook_name\": \"before_start\", \"watcher\": \"w\", \"time\": [0-9.E]+}"),
                    calls.get(1));
            assertEquals("hook=after_spawn watcher=w pid=" + pid + " signum= exit= status=", calls.get(2));
            assertTrue(calls.get(3).contains("\"pid\": " + pid), calls.get(3));
            assertEquals(1, logged("hook w.before_start [").stream().filter(m -> m.endsWith(": hello from before_start"))
                    .count(), log.list.toString());
            assertEquals(2, d.events.count("w", EventType.HOOK_SUCCESS));
        }
    }

    @Test
    void aNonZeroExitIsAFailureThatAbortsUnlessIgnored() throws Exception {
        Path rec = recorder();
        try (ArbiterFixture d = daemon("hooks.before_start = exec:" + rec + " " + dir.resolve("calls") + " 3")) {
            join(d.arbiter.start());
            assertEquals(WatcherState.STOPPED, d.watcher("w").state());
            Event failure = d.events.of("w", EventType.HOOK_FAILURE).getFirst();
            assertEquals("exited with code 3", failure.fields().get("error"));
            assertEquals(0, d.events.count("w", EventType.SPAWN));
        }
        try (ArbiterFixture d = daemon("hooks.before_start = exec:" + rec + " " + dir.resolve("calls") + " 3, true")) {
            join(d.arbiter.start());
            assertEquals(WatcherState.ACTIVE, d.watcher("w").state());
            assertEquals(1, d.events.count("w", EventType.HOOK_FAILURE));
        }
    }

    @Test
    void aProgramThatCannotRunIsRefusedAtLoadAndFailsIfItVanishesLater() throws Exception {
        Path missing = dir.resolve("missing.sh");
        var refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> daemon("hooks.before_start = exec:" + missing).close());
        assertEquals("watcher 'w': hooks.before_start = exec:" + missing + ": program " + missing
                + " is not an executable file", refused.getMessage());
        Path vanishing = script("vanishing.sh", "exit 0");
        try (ArbiterFixture d = daemon("hooks.before_start = exec:" + vanishing)) {
            Files.delete(vanishing);
            join(d.arbiter.start());
            assertEquals(WatcherState.STOPPED, d.watcher("w").state());
            String error = (String) d.events.of("w", EventType.HOOK_FAILURE).getFirst().fields().get("error");
            assertEquals("cannot run " + vanishing + ": no such executable file", error);
        }
    }

    @Test
    void aHungCommandIsKilledWithItsProcessGroupAndCountsAsAFailure() throws Exception {
        Path pidFile = dir.resolve("background.pid");
        // The background sleep is orphaned (its subshell exits): only its process group still finds it.
        Path hang = script("hang.sh", "( sleep 3600 & echo $! > \"$1\" )", "sleep 3600");
        try (ArbiterFixture d = daemon("hooks.before_start = exec:" + hang + " " + pidFile)) {
            join(d.arbiter.start());
            assertEquals(WatcherState.STOPPED, d.watcher("w").state());
            Event failure = d.events.of("w", EventType.HOOK_FAILURE).getFirst();
            assertEquals("timed out after 1.5 s (hook_timeout); killed its process group", failure.fields().get("error"));
            long background = Long.parseLong(Files.readString(pidFile).strip());
            Pids.awaitDead(background);
            HookStats stats = d.watcher("w").hookStats().getFirst();
            assertEquals(1, stats.timeouts());
            assertEquals(1, stats.failures());
        }
    }

    @Test
    void reapHooksOfACommandSeeTheExitCodeAndStatus() throws Exception {
        Path rec = recorder();
        try (ArbiterFixture d = daemon("hooks.after_reap = exec:" + rec + " " + dir.resolve("calls") + " 0")) {
            join(d.arbiter.start());
            long pid = d.watcher("w").pids().getFirst();
            join(d.watcher("w").stop());
            Await.until("after_reap ran", () -> recorded().size() >= 2);
            assertEquals("hook=after_reap watcher=w pid=" + pid + " signum= exit=-15 status=", recorded().get(0));
            assertTrue(recorded().get(1).contains("\"process_pid\": " + pid + ", \"exit_code\": -15, \"process_status\": null"),
                    recorded().get(1));
        }
    }
}
