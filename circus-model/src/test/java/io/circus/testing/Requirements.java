package io.circus.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (a program, a backend, root). Missing on a developer's machine,
 * the test is skipped with the reason, which {@code bin/test} lists at the end; missing under CI
 * (environment variable {@code CI} set and not {@code false}), the test fails: CI installs every
 * dependency through {@code bin/setup-test-deps}, so a missing one there is a broken set-up that a
 * skip would hide.
 */
public final class Requirements {

    private Requirements() {
    }

    /** True when running under CI, where a missing dependency is a failure rather than a skip. */
    public static boolean underCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }

    /**
     * Continues when {@code present}; otherwise skips (developer machine) or fails (CI), naming the
     * dependency and how to get it.
     *
     * @param present whether the dependency is there
     * @param what    what is missing and how to install it, e.g. "tmux (bin/setup-test-deps installs it)"
     */
    public static void require(boolean present, String what) {
        if (present) {
            return;
        }
        String message = "missing test dependency: " + what;
        if (underCi()) {
            Assertions.fail(message + " (CI must install it; a skip would hide the gap)");
        }
        Assumptions.abort(message);
    }
}
