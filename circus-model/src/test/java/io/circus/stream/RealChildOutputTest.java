package io.circus.stream;

import static io.circus.stream.StreamFixtures.config;
import static io.circus.stream.StreamFixtures.names;
import static io.circus.stream.StreamFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.process.ExitStatus;
import io.circus.process.GroupMode;
import io.circus.process.ManagedProcess;
import io.circus.process.SpawnRequest;
import io.circus.process.Stdio;
import io.circus.process.jdk.JdkLauncher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real child writing through a pipe, the launcher, the sink and the writer: no line may be lost. */
class RealChildOutputTest {

    private static final int LINES = 20_000;

    @TempDir
    Path dir;

    private final StreamWriter writer = new StreamWriter();

    @AfterEach
    void closeWriter() {
        writer.close();
    }

    @Test
    void everyLineAChildWritesReachesTheFiles() throws Exception {
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        java.nio.file.Files.createDirectories(out);
        java.nio.file.Files.createDirectories(err);
        LogStream stdout = LogStreams.open(config("FileStream", "filename", out.resolve("child.log"),
                "time_format", "%H:%M:%S", "max_bytes", "65536", "backup_count", "100"), writer);
        LogStream stderr = LogStreams.open(config("WatchedFileStream", "filename", err.resolve("child.err")), writer);
        StreamSink sink = new StreamSink(stdout, stderr);
        String script = "i=0; while [ $i -lt " + LINES + " ]; do echo \"line $i\"; i=$((i+1)); done;"
                + " echo 'to stderr' >&2; printf 'unterminated'";

        try (JdkLauncher launcher = new JdkLauncher()) {
            ManagedProcess child = launcher.spawn(SpawnRequest.builder(List.of("/bin/sh", "-c", script))
                    .stdout(Stdio.PIPE).stderr(Stdio.PIPE).sink(sink).group(GroupMode.NONE).build());
            ExitStatus status = child.onExit().toCompletableFuture().get(60, TimeUnit.SECONDS);
            assertEquals(ExitStatus.exited(0), status);
        }
        stdout.flush();
        stderr.flush();

        List<String> files = names(out);
        assertTrue(files.size() > 1, "expected rotation: " + files);
        List<String> bodies = new ArrayList<>();
        for (int i = files.size() - 1; i >= 1; i--) {
            bodies.addAll(bodies(out.resolve("child.log." + i)));
        }
        bodies.addAll(bodies(out.resolve("child.log")));
        List<String> expected = new ArrayList<>(IntStream.range(0, LINES).mapToObj(i -> "line " + i).toList());
        expected.add("unterminated"); // written, ended, when the child closed its stdout
        assertEquals(expected, bodies);
        assertEquals("to stderr\n", read(err.resolve("child.err")));
    }

    private static List<String> bodies(Path file) {
        List<String> result = new ArrayList<>();
        for (String line : read(file).split("\n")) {
            assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d \\[\\d+] \\| .*"), "mangled line in " + file + ": " + line);
            result.add(line.substring(line.indexOf("| ") + 2));
        }
        return result;
    }
}
