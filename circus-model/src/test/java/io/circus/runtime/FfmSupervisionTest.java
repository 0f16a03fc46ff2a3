package io.circus.runtime;

import io.circus.process.Launchers;
import io.circus.process.ProcessLauncher;
import org.junit.jupiter.api.Assumptions;

/** The supervision contract on the Linux native backend (skipped where it cannot run). */
class FfmSupervisionTest extends SupervisionContract {
    @Override
    protected ProcessLauncher createLauncher() {
        try {
            return Launchers.linuxFfm();
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("linux-ffm backend unavailable: " + e.getMessage());
            return null;
        }
    }
}
