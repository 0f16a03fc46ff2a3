package io.circus.config;

import static io.circus.config.IniFixture.assertWarning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** [socket:NAME] and [plugin:NAME] (inventory 5.5). */
class SocketAndPluginTest {

    @TempDir
    Path tmp;

    @Test
    void socketDefaults() throws Exception {
        SocketConfig s = new IniFixture(tmp).loadLines("[socket:Web]", "port = 0").sockets().get(0);
        assertEquals(new SocketConfig("web", "localhost", 0, null, "AF_INET", "SOCK_STREAM", 0, 2048, null, 8,
                false, false, false), s);
    }

    @Test
    void everySocketOption() throws Exception {
        CircusConfig c = new IniFixture(tmp).loadLines(
                "[socket:b]", "host = ::1", "port = 8443", "family = af_inet6", "type = sock_dgram", "proto = udp",
                "backlog = 16", "interface = eth0", "umask = 18", "replace = true", "so_reuseport = yes",
                "blocking = 1",
                "[socket:a]", "path = /run/a.sock", "proto = 6", "umask = 022");
        assertEquals(List.of("a", "b"), c.sockets().stream().map(SocketConfig::name).toList());
        assertEquals(new SocketConfig("a", "localhost", 8080, "/run/a.sock", "AF_UNIX", "SOCK_STREAM", 6, 2048, null,
                22, false, false, false), c.sockets().get(0));
        assertEquals(new SocketConfig("b", "::1", 8443, null, "AF_INET6", "SOCK_DGRAM", 17, 16, "eth0", 18, true, true,
                true), c.sockets().get(1));
        assertWarning(c, "[socket:a] umask: line 16: the socket umask is decimal", "'022' means 22 (octal 26)");
    }

    @Test
    void unknownSocketKeyIsAWarning() throws Exception {
        CircusConfig c = new IniFixture(tmp).loadLines("[socket:a]", "porrt = 80", "prot = tcp");
        assertWarning(c, "[socket:a] porrt: line 2: unknown socket option, ignored; did you mean 'port'?");
        assertWarning(c, "[socket:a] prot: line 3: unknown socket option, ignored; did you mean 'proto'?");
        assertEquals(8080, c.sockets().get(0).port());
    }

    @Test
    void pluginsKeepEveryKeyAndDefaultToPriorityOne() throws Exception {
        CircusConfig c = new IniFixture(tmp).loadLines(
                "[plugin:myplugin]", "use = com.example.Flapping", "max_retry = 5", "priority = 30",
                "[plugin:another]", "use = com.example.Stats");
        assertEquals(List.of("another", "myplugin"), c.plugins().stream().map(PluginConfig::name).toList());
        PluginConfig p = c.plugins().get(1);
        assertEquals(30, p.priority());
        assertEquals("com.example.Flapping", p.use());
        assertEquals(Map.of("use", "com.example.Flapping", "max_retry", "5", "priority", "30"), p.options());
        assertEquals(1, c.plugins().get(0).priority());
        assertTrue(c.watchers().isEmpty());
    }
}
