package io.circus.process;

import io.circus.process.jdk.JdkLauncher;

/** The portable backend against the common contract; what it lacks is skipped by capability. */
class JdkLauncherContractTest extends ProcessLauncherContract {

    @Override
    protected ProcessLauncher newLauncher() {
        return new JdkLauncher();
    }

    /** It starts {@code setsid program}: only setsid's own start can fail as a SpawnException. */
    @Override
    protected boolean detectsExecFailureInNewSession() {
        return false;
    }
}
