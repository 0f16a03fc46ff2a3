package io.circus.process.linux;

import io.circus.process.ProcessLauncher;
import io.circus.process.ProcessLauncherContract;

/** The native backend against the common contract. */
class LinuxFfmLauncherContractTest extends ProcessLauncherContract {

    @Override
    protected ProcessLauncher newLauncher() {
        return LinuxFfmLauncher.create();
    }
}
