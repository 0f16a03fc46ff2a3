package io.circus.process;

import io.circus.process.jdk.JdkLauncher;

/** The portable backend against the common contract; what it lacks is skipped by capability. */
class JdkLauncherContractTest extends ProcessLauncherContract {

    @Override
    protected ProcessLauncher newLauncher() {
        return new JdkLauncher();
    }

}
