package io.circus.hook;

import io.circus.runtime.ArbiterFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hook tests' arbiters: an {@link ArbiterFixture} loaded from an ini file written into the test's
 * directory, so hooks go the whole way (ini, extension path, resolution, runtime). A short
 * {@code hook_timeout} keeps the tests of hanging hooks quick.
 */
final class HookedDaemon {

    private HookedDaemon() {
    }

    /** An arbiter, not started, over these lines after a {@code [circus]} section naming the extension path. */
    static ArbiterFixture of(Path dir, String extensionPath, String... lines) throws Exception {
        List<String> all = new ArrayList<>(List.of("[circus]", "hook_timeout = 1.5"));
        if (extensionPath != null) {
            all.add("extension_path = " + extensionPath);
        }
        all.addAll(List.of(lines));
        return new ArbiterFixture(ArbiterFixture.ini(dir, all));
    }
}
