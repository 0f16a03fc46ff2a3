package io.circus.zmq;

import static io.circus.zmq.ReplyAssert.error;
import static io.circus.zmq.ReplyAssert.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.circus.config.WatcherConfig;
import io.circus.testing.Await;
import io.circus.testing.TestChildren;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * add and set carry JSON values typed from the socket to the watcher: an env value holding ',' or
 * '=' arrives whole (it used to be refused, as the text encoding could not carry it), and a value of
 * the wrong type is refused naming the option and the type the schema expects.
 */
@org.junit.jupiter.api.extension.ExtendWith(HangDump.class)
class TypedOptionsTest {

    @Test
    void setCarriesEnvValuesWithCommasAndEqualsSigns() {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("sleeper", 1).build()); RawPeer peer = d.peer()) {
            peer.send("{\"id\":\"t1\",\"command\":\"set\",\"properties\":{\"name\":\"sleeper\",\"options\":"
                    + "{\"env\":{\"LIST\":\"a,b\",\"PAIR\":\"k=v,x=y\"},\"respawn\":false,\"graceful_timeout\":2.5},"
                    + "\"waiting\":true}}");
            ok(peer.text(), "t1");
            WatcherConfig c = d.arbiter.watcher("sleeper").orElseThrow().config();
            assertEquals(Map.of("LIST", "a,b", "PAIR", "k=v,x=y"), c.env());
            assertFalse(c.respawn());
            assertEquals(2500, c.gracefulTimeout().toMillis());

            peer.send("{\"id\":\"t2\",\"command\":\"get\",\"properties\":{\"name\":\"sleeper\",\"keys\":[\"env\"]}}");
            String text = peer.text();
            ok(text, "t2", "options");
            assertEquals("a,b", ReplyAssert.parse(text).get("options").get("env").get("LIST").asText(), text);
        }
    }

    @Test
    void addCarriesTypedOptions() {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("sleeper", 1).build()); RawPeer peer = d.peer()) {
            peer.send("{\"id\":\"a1\",\"command\":\"add\",\"properties\":{\"name\":\"extra\",\"cmd\":\"sleep 3600\","
                    + "\"start\":true,\"waiting\":true,\"options\":{\"numprocesses\":2,\"env\":{\"OPTS\":\"-a,-b\"},"
                    + "\"stdout_stream\":{\"class\":\"FileStream\",\"filename\":\"/dev/null\",\"max_bytes\":1024}}}}");
            ok(peer.text(), "a1", "started", "kept");
            WatcherConfig c = d.arbiter.watcher("extra").orElseThrow().config();
            assertEquals(Map.of("OPTS", "-a,-b"), c.env());
            assertEquals("1024", c.stdoutStream().options().get("max_bytes"));
            Await.until("2 extra processes", () -> d.arbiter.watcher("extra").orElseThrow().pids().size() == 2);
        }
    }

    @Test
    void aValueOfTheWrongTypeNamesTheOptionAndTheExpectedType() {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("sleeper", 1).build()); RawPeer peer = d.peer()) {
            String before = d.arbiter.watcher("sleeper").orElseThrow().config().args();
            // Circus does not check args; the schema does: a list of words, not an object.
            peer.send("{\"id\":\"e1\",\"command\":\"set\",\"properties\":{\"name\":\"sleeper\",\"options\":"
                    + "{\"args\":{\"a\":1}}}}");
            String reason = error(peer.text(), 3, null, "e1").get("reason").asText();
            assertEquals("args = '{a=1}': expected a string or an array of strings", reason);
            assertEquals(before, d.arbiter.watcher("sleeper").orElseThrow().config().args(), "a refusal changes nothing");
        }
    }
}
