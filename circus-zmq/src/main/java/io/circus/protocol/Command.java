package io.circus.protocol;

import java.util.Map;

/** One control command: reads its properties, acts through the MBeans, returns the reply's own keys. */
@FunctionalInterface
interface Command {

    /** How a command is scheduled ({@link io.circus.zmq.control.CommandExecutor}). */
    enum Mode {
        /** Reads attributes only: may be answered on the control thread when nothing is queued before it. */
        READ,
        /** Returns quickly: runs in arrival order on the executor thread. */
        QUICK,
        /** Blocks until done when {@code waiting} is set: then runs on a thread of its own. */
        WAITS,
        /** Reads /proc for many processes: always on a thread of its own. */
        SLOW
    }

    /**
     * @return the keys Circus adds to the ok reply (empty for a plain ok)
     * @throws CommandError for a Circus error reply; MBean exceptions are translated by the dispatcher
     */
    Map<String, Object> run(Props props);
}
