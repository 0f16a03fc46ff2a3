package io.circus.hook;

import static io.circus.runtime.ArbiterFixture.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.extension.ExtensionCompiler;
import io.circus.runtime.ArbiterFixture;
import io.circus.runtime.WatcherState;
import io.circus.testing.Await;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of docs/extending.md are these files (test resources, included in the doc verbatim), and they
 * work: the Java hooks are compiled into a jar found through a relative extension_path, the command hook is
 * run, each against real processes.
 */
class ExtendingExamplesTest {

    @TempDir
    Path dir;

    private static String resource(String name) {
        try (InputStream in = ExtendingExamplesTest.class.getResourceAsStream("/extending/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theDocumentedExamplesAreTheTestedOnes() throws IOException {
        String doc = Files.readString(Path.of("../docs/extending.md"));
        for (String name : List.of("WaitForReadyFile.java", "SpawnAudit.java", "notify.sh")) {
            assertTrue(doc.contains(resource(name).strip()), "docs/extending.md must contain " + name + " verbatim");
        }
    }

    @Test
    void theJavaHookExamplesRunFromAJarOnTheExtensionPath() throws Exception {
        Files.createDirectories(dir.resolve("hooks"));
        ExtensionCompiler.compileJar(dir.resolve("hooks/ready-hooks.jar"), Map.of(
                "com.example.hooks.WaitForReadyFile", resource("WaitForReadyFile.java"),
                "com.example.hooks.SpawnAudit", resource("SpawnAudit.java")));
        Path ready = dir.resolve("ready");
        Path audit = dir.resolve("audit.log");
        try (ArbiterFixture d = HookedDaemon.of(dir, "hooks/ready-hooks.jar",
                "[watcher:web]", "cmd = sleep 3600", "numprocesses = 2",
                "hooks.before_start = java:com.example.hooks.WaitForReadyFile",
                "hooks.after_spawn = java:com.example.hooks.SpawnAudit#record",
                "[env:web]", "READY_FILE = " + ready, "AUDIT_FILE = " + audit)) {
            var start = d.arbiter.start();
            Await.until("web is starting", () -> d.watcher("web").state() == WatcherState.STARTING);
            assertTrue(d.watcher("web").pids().isEmpty(), "nothing spawned before the file exists");
            Files.writeString(ready, "");
            join(start);
            assertEquals(WatcherState.ACTIVE, d.watcher("web").state());
            List<String> lines = Files.readAllLines(audit);
            assertEquals(d.watcher("web").pids().stream().map(pid -> "web " + pid).sorted().toList(),
                    lines.stream().sorted().toList());
        }
    }

    @Test
    void theCommandHookExampleRuns() throws Exception {
        Path script = dir.resolve("notify.sh");
        Files.writeString(script, resource("notify.sh"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path log = dir.resolve("hooks.log");
        try (ArbiterFixture d = HookedDaemon.of(dir, null, "[watcher:web]", "cmd = sleep 3600",
                "hooks.after_spawn = exec:" + script + " " + log)) {
            join(d.arbiter.start());
            assertEquals(WatcherState.ACTIVE, d.watcher("web").state());
            long pid = d.watcher("web").pids().getFirst();
            String line = Files.readAllLines(log).getFirst();
            assertTrue(line.startsWith("web after_spawn pid=" + pid + " {\"hook_name\": \"after_spawn\", \"watcher\": \"web\", "),
                    line);
            assertTrue(line.endsWith("\"pid\": " + pid + "}"), line);
        }
    }
}
