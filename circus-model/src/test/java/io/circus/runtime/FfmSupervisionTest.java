package io.circus.runtime;

import io.circus.process.Launchers;
import io.circus.process.ProcessLauncher;
import io.circus.testing.Requirements;

/** The supervision contract on the Linux native backend (a missing backend skips it locally and fails it under CI). */
class FfmSupervisionTest extends SupervisionContract {
    @Override
    protected ProcessLauncher createLauncher() {
        try {
            return Launchers.linuxFfm();
        } catch (UnsupportedOperationException e) {
            Requirements.require(false, "the linux-ffm backend (Linux with pidfd_open, JDK 25 with native access): "
                    + e.getMessage());
            return null;
        }
    }
}
