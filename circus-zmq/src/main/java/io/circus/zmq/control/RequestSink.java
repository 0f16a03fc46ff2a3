package io.circus.zmq.control;

import io.circus.protocol.Request;
/** Where the control thread hands decoded requests. */
public interface RequestSink {

    /**
     * Answers a request at once on the calling (control) thread when that is safe and cheap (a
     * read-only command with nothing received before it still starting), sparing it two thread
     * hand-offs.
     *
     * @return its outcome, or null when it must be {@linkplain #submit submitted} instead
     */
    Outgoing tryInline(Envelope envelope, Request request);

    /** Queues a request (the envelope says where its reply goes); its outcome comes back through the reply mailbox. */
    void submit(Envelope envelope, Request request);
}
