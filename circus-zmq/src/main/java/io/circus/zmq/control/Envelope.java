package io.circus.zmq.control;

import java.util.List;

/**
 * Where a reply goes: the frames the ROUTER received before the request payload. For a DEALER
 * client that is its identity alone; for a REQ client (or a DEALER that adds its own empty
 * delimiter, or a request relayed through proxies) it is the identity, any further routing frames
 * and the empty delimiter, which the reply repeats so that such clients get an answer too.
 */
public record Envelope(List<byte[]> frames) {

    public Envelope {
        frames = List.copyOf(frames);
    }

    public static Envelope of(byte[] identity) {
        return new Envelope(List.of(identity));
    }
}
