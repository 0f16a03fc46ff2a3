package io.circus.testing;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails the test (and so the build) when a child process it caused is still alive after it ended.
 * Registered for every test through JUnit's extension auto-detection. Leftovers are killed so one
 * leak does not cascade into the next test.
 */
public final class ChildProcessGuard implements AfterEachCallback, AfterAllCallback {

    private static final Duration GRACE = Duration.ofSeconds(10);

    @Override
    public void afterEach(ExtensionContext context) {
        check(context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check(context.getDisplayName() + " (after all)");
    }

    private static void check(String test) {
        long deadline = System.nanoTime() + GRACE.toNanos();
        List<ProcessHandle> alive = descendants();
        while (!alive.isEmpty() && System.nanoTime() - deadline < 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            alive = descendants();
        }
        if (alive.isEmpty()) {
            return;
        }
        String list = alive.stream()
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .collect(Collectors.joining("; "));
        alive.forEach(ProcessHandle::destroyForcibly);
        throw new AssertionError("child processes outlived test '" + test + "': " + list);
    }

    private static List<ProcessHandle> descendants() {
        // Short-lived helpers of the portable backend (/bin/kill) are not leaks.
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> !p.info().command().map(c -> c.endsWith("/kill")).orElse(false))
                .filter(ChildProcessGuard::notZombie)
                .toList();
    }

    private static boolean notZombie(ProcessHandle p) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + p.pid() + "/stat"));
            int close = stat.lastIndexOf(')');
            return close < 0 || stat.length() <= close + 2 || stat.charAt(close + 2) != 'Z';
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
