package io.circus.zmq.internal;

import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/** Readable reasons for a failed bind, which JeroMQ reports as bare error codes. */
public final class Binding {

    private Binding() {
    }

    /** An exception whose message says why, e.g. "Address already in use". */
    public static RuntimeException failure(RuntimeException e) {
        if (e instanceof ZMQException z) {
            ZMQ.Error error = ZMQ.Error.findByCode(z.getErrorCode());
            return new IllegalStateException(error != null ? error.getMessage() : z.getMessage(), z);
        }
        return e;
    }
}
