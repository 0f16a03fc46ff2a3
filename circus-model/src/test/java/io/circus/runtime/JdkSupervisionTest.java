package io.circus.runtime;

import io.circus.process.ProcessLauncher;
import io.circus.process.jdk.JdkLauncher;

/** The supervision contract on the portable ProcessBuilder backend. */
class JdkSupervisionTest extends SupervisionContract {
    @Override
    protected ProcessLauncher createLauncher() {
        return new JdkLauncher();
    }
}
