package io.circus.zmq;

import static io.circus.zmq.ReplyAssert.error;
import static io.circus.zmq.ReplyAssert.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.testing.TestChildren;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;

/**
 * Bad input (§2.10): each gets Circus's errno family and a clear reason, or nothing when no reply
 * can be addressed; nothing changes, and the channel goes on serving everyone.
 */
@org.junit.jupiter.api.extension.ExtendWith(HangDump.class)
class MalformedInputTest {

    @Test
    void undecodableRequestsAreAnsweredWithErrno1AndNullId() {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("sleeper", 1).build());
             RawPeer bad = d.peer(); RawPeer good = d.peer()) {
            List<Long> pids = d.arbiter.watcher("sleeper").orElseThrow().pids();
            bad.send("not json");
            String text = bad.text();
            error(text, 1, "json invalid", null);
            assertTrue(text.startsWith("{\"status\": \"error\", \"reason\": \"json invalid\", \"tb\": null, \"time\": "), text);
            assertTrue(text.endsWith(", \"errno\": 1, \"id\": null}"), text);

            bad.send(new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'});
            error(bad.text(), 1, "json invalid", null);
            bad.send("{\"id\":\"t\",\"command\":\"list\"} trailing");
            error(bad.text(), 1, "json invalid", null);
            bad.send("[".repeat(5000) + "]".repeat(5000));
            error(bad.text(), 1, null, null);

            // Circus sends nothing for these (and may stall); we say what is wrong.
            bad.send(new byte[0]);
            error(bad.text(), 1, "empty command", null);
            bad.send("  \n\t ");
            error(bad.text(), 1, "empty command", null);
            bad.send("[1,2]");
            error(bad.text(), 1, "invalid message: a request is a JSON object, got an array", null);
            bad.send("\"list\"");
            error(bad.text(), 1, "invalid message: a request is a JSON object, got a string", null);
            bad.send("{\"id\":\"n1\",\"properties\":{}}");
            error(bad.text(), 3, "message invalid 'command' is missing", "n1");
            bad.send("{\"id\":\"n2\",\"command\":5}");
            error(bad.text(), 3, "message invalid 'command' must be a string, got a number", "n2");
            bad.send("{\"id\":\"n3\",\"command\":\"list\",\"properties\":\"x\"}");
            error(bad.text(), 3, "message invalid 'properties' must be an object, got a string", "n3");

            // Accepted as Circus does: null or [] properties, surrounding whitespace, a BOM-free UTF-8 name.
            bad.send("  {\"id\":\"n4\",\"command\":\"list\",\"properties\":null}\n");
            ok(bad.text(), "n4", "watchers");
            bad.send("{\"id\":\"n5\",\"command\":\"list\",\"properties\":[]}");
            ok(bad.text(), "n5", "watchers");

            good.send("{\"id\":\"g\",\"command\":\"list\",\"properties\":{\"name\":\"sleeper\"}}");
            assertEquals(pids, IntrospectionCommandsTest.longs(ok(good.text(), "g", "pids").get("pids")),
                    "nothing changed and the others are served");
        }
    }

    @Test
    void badPropertiesUnknownNamesAndTypes() {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("sleeper", 1).build()); RawPeer peer = d.peer()) {
            String[][] cases = {
                    {"{\"id\":\"p1\",\"command\":\"incr\",\"properties\":{\"name\":5}}",
                            "message invalid 'name' must be a string, got a number"},
                    {"{\"id\":\"p2\",\"command\":\"incr\",\"properties\":{\"name\":\"ghost\"}}", "program ghost not found"},
                    {"{\"id\":\"p3\",\"command\":\"start\",\"properties\":{\"name\":\"sleeper\",\"match\":5}}",
                            "message invalid 'match' must be a string, got a number"},
                    {"{\"id\":\"p4\",\"command\":\"rm\",\"properties\":{\"name\":\"sleeper\",\"nostop\":\"yes\"}}",
                            "message invalid 'nostop' must be a boolean, got a string"},
                    {"{\"id\":\"p5\",\"command\":\"set\",\"properties\":{\"name\":\"sleeper\",\"options\":{\"nope\":1}}}",
                            "unknown key 'nope'"},
                    {"{\"id\":\"p6\",\"command\":\"set\",\"properties\":{\"name\":\"sleeper\",\"options\":{\"rlimit_foo\":1}}}",
                            "'rlimit_foo' isn't a valid rlimit setting"},
                    {"{\"id\":\"p7\",\"command\":\"set\",\"properties\":{\"name\":\"sleeper\",\"options\":{\"rlimit_nofile\":\"1\"}}}",
                            "'1' rlimit value isn't a valid int"},
                    {"{\"id\":\"p8\",\"command\":\"set\",\"properties\":{\"name\":\"sleeper\",\"options\":{\"send_hup\":1}}}",
                            "'send_hup' isn't a valid boolean"},
                    {"{\"id\":\"p9\",\"command\":\"set\",\"properties\":{\"name\":\"sleeper\",\"options\":{\"hooks\":{\"bad\":\"x\"}}}}",
                            "Unknown hook {\"bad\":\"x\"}"},
                    {"{\"id\":\"p10\",\"command\":\"set\",\"properties\":{\"name\":\"sleeper\",\"options\":{\"stdout_stream\":{}}}}",
                            "'stdout_stream' must have a 'class' key"},
                    {"{\"id\":\"p11\",\"command\":\"set\",\"properties\":{\"name\":\"sleeper\",\"options\":{\"warmup_delay\":\"1\"}}}",
                            "'warmup_delay' isn't a number"},
                    {"{\"id\":\"p12\",\"command\":\"set\",\"properties\":{\"name\":\"sleeper\",\"options\":{\"uid\":[1]}}}",
                            "'uid' isn't an integer or string"},
                    {"{\"id\":\"p13\",\"command\":\"get\",\"properties\":{\"name\":\"sleeper\",\"keys\":\"numprocesses\"}}",
                            "message invalid 'keys' must be an array of strings, got a string"},
                    {"{\"id\":\"p14\",\"command\":\"stats\",\"properties\":{\"name\":\"sleeper\",\"process\":\"abc\"}}",
                            "message invalid 'process' must be a process id (a positive integer), got \"abc\""},
            };
            for (String[] c : cases) {
                peer.send(c[0]);
                String id = c[0].substring(7, c[0].indexOf('"', 7));
                error(peer.text(), 3, c[1], id);
            }
            peer.send("{\"id\":\"p20\",\"command\":\"signal\",\"properties\":{\"name\":\"sleeper\",\"signum\":\"FOO\"}}");
            error(peer.text(), 5, null, "p20");
            assertEquals(1, d.arbiter.watcher("sleeper").orElseThrow().config().numProcesses());
            assertEquals(1, d.arbiter.watcher("sleeper").orElseThrow().pids().size(), "nothing changed");
        }
    }

    @Test
    void framingEnvelopesAndSizes() {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("sleeper", 1).build());
             RawPeer peer = d.peer(); RawPeer good = d.peer()) {
            // Two frames that are not a delimiter and a payload: answered, unlike Circus.
            peer.send("a".getBytes(StandardCharsets.US_ASCII), "{\"command\":\"list\"}".getBytes(StandardCharsets.US_ASCII));
            error(peer.text(), 1, "invalid message: expected one frame holding a JSON request, got 2 frames", null);

            // A DEALER that adds REQ's empty delimiter gets it back before the reply.
            peer.send(new byte[0], "{\"id\":\"e1\",\"command\":\"numwatchers\"}".getBytes(StandardCharsets.US_ASCII));
            List<byte[]> frames = peer.frames(RawPeer.REPLY_TIMEOUT);
            assertEquals(2, frames.size());
            assertArrayEquals(new byte[0], frames.get(0));
            ok(new String(frames.get(1), StandardCharsets.US_ASCII), "e1", "numwatchers");

            // 3 MiB: refused with a reason, unparsed.
            byte[] big = new byte[3 << 20];
            Arrays.fill(big, (byte) ' ');
            peer.send(big);
            error(peer.text(), 1, "message too large: 3145728 bytes (limit 1048576)", null);

            // Past ZMQ_MAXMSGSIZE (4 MiB) ZeroMQ drops the sender's connection: no reply can be addressed.
            try (RawPeer huge = d.peer()) {
                huge.send(new byte[(4 << 20) + 1]);
                assertNull(huge.frames(Duration.ofSeconds(2)), "dropped");
            }
            good.send("{\"id\":\"after\",\"command\":\"numwatchers\"}");
            ok(good.text(), "after", "numwatchers");
            peer.send("{\"id\":\"after2\",\"command\":\"numwatchers\"}");
            ok(peer.text(), "after2", "numwatchers");
        }
    }

    /** A REQ client gets an answer (Circus ignores REQ's delimiter frame and never answers). */
    @Test
    void reqClientsAreAnswered() {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("sleeper", 1).build());
             RawPeer req = new RawPeer(d.endpoint(), SocketType.REQ)) {
            for (int i = 0; i < 3; i++) {
                req.send("{\"id\":\"r" + i + "\",\"command\":\"list\"}");
                ok(req.text(), "r" + i, "watchers");
            }
        }
    }

    /** A REQ client sending several frames is answered through its envelope, with its id (Circus: silence). */
    @Test
    void reqMultiFrameRequestsAreAnsweredWithTheirId() {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("sleeper", 1).build());
             RawPeer req = new RawPeer(d.endpoint(), SocketType.REQ)) {
            req.send("{\"id\":\"m1\",\"command\":\"list\"}".getBytes(StandardCharsets.US_ASCII),
                    "more".getBytes(StandardCharsets.US_ASCII));
            error(req.text(), 1, "invalid message: expected one frame holding a JSON request, got 2 frames", "m1");
            req.send("x".getBytes(StandardCharsets.US_ASCII), new byte[0], "y".getBytes(StandardCharsets.US_ASCII));
            error(req.text(), 1, "invalid message: expected one frame holding a JSON request, got 3 frames", null);
            req.send("{\"id\":\"m2\",\"command\":\"numwatchers\"}");
            ok(req.text(), "m2", "numwatchers");
        }
    }

    /** An oversized request is refused unparsed, but with the id its client waits for. */
    @Test
    void oversizedRequestsAreAnsweredWithTheirId() {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("sleeper", 1).build());
             RawPeer peer = d.peer(); RawPeer req = new RawPeer(d.endpoint(), SocketType.REQ)) {
            String pad = "x".repeat(2 << 20);
            String body = "{\"command\":\"list\",\"properties\":{\"pad\":\"" + pad + "\",\"n\":[1,{\"id\":0}]},\"id\":{\"k\":[7]}}";
            peer.send(body);
            String first = peer.text();
            assertTrue(first.contains("\"reason\": \"message too large: " + body.length() + " bytes (limit 1048576)\""), first);
            assertTrue(first.endsWith("\"errno\": 1, \"id\": {\"k\": [7]}}"), "the top-level id, after the rest: " + first);
            peer.send("{\"id\":\"big\",\"command\":\"list\",\"properties\":{\"pad\":\"" + pad + "\"}}");
            String reply = peer.text();
            assertTrue(reply.endsWith("\"errno\": 1, \"id\": \"big\"}"), reply);
            req.send("{\"id\":7,\"command\":\"list\",\"properties\":{\"pad\":\"" + pad + "\"}}");
            reply = req.text();
            assertTrue(reply.endsWith("\"errno\": 1, \"id\": 7}"), reply);
        }
    }
}
