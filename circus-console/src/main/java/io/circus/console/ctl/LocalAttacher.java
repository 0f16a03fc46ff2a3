package io.circus.console.ctl;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;

/**
 * {@code --pid}: finds the JMX address of a daemon JVM on this host through the Attach API, starting
 * its local management agent when it has none (loopback only, no password, for the same user). Kept
 * apart so that module {@code jdk.attach} is only loaded when asked for.
 */
final class LocalAttacher {

    private LocalAttacher() {
    }

    static String serviceUrl(long pid) throws NoReplyException {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException | IOException e) {
            throw new NoReplyException("cannot attach to pid " + pid + ": " + e.getMessage(), e);
        }
        try {
            return vm.startLocalManagementAgent();
        } catch (IOException e) {
            throw new NoReplyException("cannot start the management agent of pid " + pid + ": " + e.getMessage(), e);
        } finally {
            try {
                vm.detach();
            } catch (IOException e) {
                // Detaching from a process that went away.
            }
        }
    }
}
