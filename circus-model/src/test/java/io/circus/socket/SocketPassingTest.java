package io.circus.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.process.CollectingSink;
import io.circus.process.ExitStatus;
import io.circus.process.GroupMode;
import io.circus.process.ManagedProcess;
import io.circus.process.Signal;
import io.circus.process.SpawnRequest;
import io.circus.process.Stdio;
import io.circus.process.StreamId;
import io.circus.process.linux.LinuxFfmLauncher;
import io.circus.testing.TestChildren;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A socket bound by the daemon serves connections in a child that received it as a descriptor. */
class SocketPassingTest {

    private final LinuxFfmLauncher launcher = LinuxFfmLauncher.create();
    private final SocketBinder binder = new SocketBinder(launcher);
    private ManagedProcess child;

    @AfterEach
    void close() throws Exception {
        try {
            if (child != null) {
                child.signalGroup(Signal.KILL);
                child.onExit().toCompletableFuture().get(15, TimeUnit.SECONDS);
            }
        } finally {
            launcher.close();
        }
    }

    @Test
    void childAcceptsOnASocketPassedAsStdin() throws Exception {
        try (BoundSocket socket = binder.bind(SocketBinderTest.tcp("greeter", "127.0.0.1", 0, false))) {
            CollectingSink sink = new CollectingSink();
            child = launcher.spawn(SpawnRequest.builder(TestChildren.javaMain(InetdGreeterMain.class))
                    .env(Map.of("PATH", "/usr/bin:/bin")).fd(socket.inheritAs(0)).group(GroupMode.NEW_SESSION)
                    .stdout(Stdio.PIPE).stderr(Stdio.PIPE).sink(sink).build());
            try (Socket client = new Socket("127.0.0.1", socket.port());
                 BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                         StandardCharsets.UTF_8))) {
                client.setSoTimeout(30_000);
                assertEquals("hello from " + child.pid(), in.readLine());
            }
            ExitStatus status = child.onExit().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(ExitStatus.exited(0), status, sink.text(StreamId.STDERR));
        }
    }

    @Test
    void childSeesThePassedSocketAtItsNumber() throws Exception {
        try (BoundSocket socket = binder.bind(SocketBinderTest.tcp("numbered", "127.0.0.1", 0, false))) {
            CollectingSink sink = new CollectingSink();
            child = launcher.spawn(SpawnRequest.builder(List.of("/bin/sh", "-c",
                            "ls /proc/$$/fd/ | sort -n | tr '\\n' ' '; readlink /proc/$$/fd/" + socket.fd()))
                    .env(Map.of("PATH", "/usr/bin:/bin")).fd(socket.inheritAtSameNumber())
                    .stdout(Stdio.PIPE).sink(sink).build());
            assertEquals(ExitStatus.exited(0), child.onExit().toCompletableFuture().get(15, TimeUnit.SECONDS));
            String inode = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/" + socket.fd()))
                    .toString();
            assertTrue(sink.stdout().endsWith(inode + "\n"), sink.stdout());
            assertTrue(sink.stdout().contains(" " + socket.fd() + " "), sink.stdout());
        }
    }
}
