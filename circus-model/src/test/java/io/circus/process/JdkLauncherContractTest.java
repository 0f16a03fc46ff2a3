package io.circus.process;

import io.circus.process.jdk.JdkLauncher;

/** The portable backend against the common contract; what it lacks is skipped by capability. */
class JdkLauncherContractTest extends ProcessLauncherContract {

    @Override
    protected ProcessLauncher newLauncher() {
        return new JdkLauncher();
    }

    /**
     * Known defect of this backend: after its drain timeout it completes {@code onExit} while the
     * reader thread is still blocked on the pipe, so {@code onClosed} comes only when the descendant
     * exits (unless the JDK happened to drain the stream at exit). Reported; not weakened for FFM.
     */
    @Override
    protected boolean closesCutOffStreamsBeforeExit() {
        return false;
    }

    /** It starts {@code setsid program}: only setsid's own start can fail as a SpawnException. */
    @Override
    protected boolean detectsExecFailureInNewSession() {
        return false;
    }
}
