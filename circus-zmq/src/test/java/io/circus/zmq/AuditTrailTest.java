package io.circus.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.jmx.audit.AuditTrail;
import io.circus.testing.Await;
import io.circus.testing.TestChildren;
import io.circus.zmq.client.CircusClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.Notification;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mutating commands from the control channel reach the audit trail once each, with the peer's
 * address and uid, and with their outcome; reads do not.
 */
@ExtendWith(HangDump.class)
class AuditTrailTest {

    @Test
    void mutatingCommandsAreAuditedWithThePeersUidReadsAreNot() throws Exception {
        try (ZmqDaemon d = ZmqDaemon.started(TestChildren.sleepers("sleeper", 1).build());
             CircusClient client = d.client()) {
            List<Notification> seen = new CopyOnWriteArrayList<>();
            d.server.addNotificationListener(AuditTrail.NAME, (n, h) -> seen.add(n), null, null);
            assertEquals("ok", client.call("list").status());
            assertEquals("ok", client.call("incr", Map.of("name", "sleeper", "nb", 2)).status());
            // Refused by the facade before any MBean sees it (a duplicate name is the arbiter's to refuse).
            assertEquals("error", client.call("add", Map.of("name", "other", "cmd", "sleep 1", "options", List.of(1)))
                    .status());
            assertEquals("error", client.call("signal", Map.of("name", "sleeper", "signum", "NOPE")).status());
            Await.until("three audit notifications", () -> seen.size() >= 3);
            assertEquals(3, seen.size(), "list is not audited: " + seen);
            CompositeData incr = (CompositeData) seen.get(0).getUserData();
            assertTrue(((String) incr.get("caller")).matches("zmq 127\\.0\\.0\\.1:\\d+ uid=0"), incr.toString());
            assertTrue(incr.get("target").toString().contains("sleeper"), incr.toString());
            assertEquals("ok", incr.get("outcome"));
            CompositeData set = (CompositeData) seen.get(1).getUserData();
            assertTrue(((String) set.get("outcome")).startsWith("refused: "), set.toString());
            assertTrue(((String) set.get("operation")).startsWith("add "), set.toString());
            assertTrue(((String) ((CompositeData) seen.get(2).getUserData()).get("operation")).startsWith("signal"));
            assertTrue(seen.get(1).getMessage().startsWith("caller=zmq 127.0.0.1:"), seen.get(1).getMessage());
            long recorded = (Long) d.server.getAttribute(AuditTrail.NAME, "Recorded");
            assertEquals(3, recorded);
        }
    }
}
