package io.circus.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.CircusConfig;
import io.circus.config.SocketConfig;
import io.circus.config.WatcherConfig;
import io.circus.event.EventType;
import io.circus.process.Launchers;
import io.circus.process.ProcessLauncher;
import io.circus.socket.InetdGreeterMain;
import io.circus.testing.Await;
import io.circus.testing.Requirements;
import io.circus.testing.TestChildren;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** [socket:NAME] through the supervision core: fd passing, substitution, stdin_socket, on_demand. */
class SocketWatcherTest {

    @TempDir
    Path dir;
    private ProcessLauncher launcher;

    @BeforeEach
    void nativeBackend() {
        try {
            launcher = Launchers.linuxFfm();
        } catch (UnsupportedOperationException e) {
            Requirements.require(false, "sockets need the linux-ffm backend: " + e.getMessage());
        }
    }

    @AfterEach
    void close() {
        if (launcher != null) {
            launcher.close();
        }
    }

    private static SocketConfig web() {
        return new SocketConfig("web", "127.0.0.1", 0, null, "AF_INET", "SOCK_STREAM", 0, 16, null, 8, false, false, false);
    }

    private static CircusConfig config(WatcherConfig w) {
        return CircusConfig.builder().watchers(List.of(w)).sockets(List.of(web())).build();
    }

    @Test
    void useSocketsPassesTheDescriptorNamedBySubstitution() throws Exception {
        Path out = dir.resolve("fd.txt");
        WatcherConfig w = WatcherConfig.builder("user", "/bin/sh").args("-c 'echo $(circus.sockets.web) > " + out
                + "; exec sleep 3600'").useSockets(true).build();
        try (ArbiterFixture f = new ArbiterFixture(launcher, config(w)).started()) {
            HeldSocket socket = f.arbiter.sockets().getFirst();
            assertTrue(socket.port() > 0, "the real port of port 0 is reported");
            long pid = f.awaitPids("user", 1).getFirst();
            Await.until("the child wrote the fd", () -> Files.exists(out) && !SupervisionContract.lines(out).isEmpty());
            int fd = Integer.parseInt(SupervisionContract.lines(out).getFirst().strip());
            assertEquals(socket.fd(), fd);
            String target = Files.readSymbolicLink(Path.of("/proc/" + pid + "/fd/" + fd)).toString();
            assertTrue(target.startsWith("socket:"), "fd " + fd + " of the child is " + target);
        }
    }

    @Test
    void anOnDemandWatcherStartsOnTheFirstConnectionAndServesIt() throws Exception {
        WatcherConfig w = WatcherConfig.builder("greeter", TestChildren.javaMainCmd(InetdGreeterMain.class))
                .stdinSocket("web").onDemand(true).build();
        try (ArbiterFixture f = new ArbiterFixture(launcher, config(w)).started()) {
            assertEquals(WatcherState.STOPPED, f.watcher("greeter").state(), "not started before a connection");
            int port = f.arbiter.sockets().getFirst().port();
            try (Socket client = new Socket("127.0.0.1", port)) {
                client.setSoTimeout(30_000);
                String line = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8)).readLine();
                assertTrue(line.startsWith("hello from "), line);
            }
            f.events.await("greeter", EventType.SPAWN, e -> true);
        }
    }
}
