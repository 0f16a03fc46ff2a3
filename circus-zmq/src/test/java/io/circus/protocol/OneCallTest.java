package io.circus.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.circus.config.CircusConfig;
import io.circus.jmx.CircusManagement;
import io.circus.jmx.ManagementHandle;
import io.circus.runtime.core.ArbiterCore;
import io.circus.testing.TestChildren;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.Test;

/**
 * A facade parses, makes one call and renders: the MBeanServer calls the protocol makes for a
 * command, counted on a real daemon (docs/architecture.md quotes these figures).
 */
class OneCallTest {

    @Test
    void incrAndStartAreOneMBeanCallEach() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        CircusConfig config = CircusConfig.of(List.of(TestChildren.sleepers("web", 1).build()));
        try (ArbiterCore arbiter = ArbiterCore.builder(config).build();
             ManagementHandle jmx = CircusManagement.builder(arbiter).server(server).configSource(() -> config)
                     .settings(config.global()).start()) {
            arbiter.start().join();
            List<String> calls = new ArrayList<>();
            MBeanServerConnection counted = (MBeanServerConnection) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {MBeanServerConnection.class}, (p, m, args) -> {
                        calls.add(m.getName());
                        try {
                            return m.invoke(server, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            Dispatcher dispatcher = new Dispatcher(new Beans(counted));

            ok(dispatcher.handle(request("incr", Map.of("name", "web", "nb", 2))));
            calls.clear();
            Map<String, Object> reply = dispatcher.handle(request("incr", Map.of("name", "web", "nb", 2)));
            assertEquals(5, ok(reply).get("numprocesses"));
            assertEquals(List.of("invoke"), calls, "incr of a watcher asked for before");

            calls.clear();
            ok(dispatcher.handle(request("stop", Map.of("name", "web"))));
            assertEquals(List.of("invoke"), calls, "stop with a name");
        }
    }

    private static Request request(String command, Map<String, Object> props) {
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        props.forEach((k, v) -> properties.set(k, WireJson.mapper().valueToTree(v)));
        properties.put("waiting", true);
        return Request.of(command.getBytes(StandardCharsets.US_ASCII), TextNode.valueOf("t"), command, properties, false);
    }

    private static Map<String, Object> ok(Map<String, Object> reply) {
        assertEquals("ok", reply.get("status"), String.valueOf(reply));
        return reply;
    }
}
