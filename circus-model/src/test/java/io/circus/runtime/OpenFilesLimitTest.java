package io.circus.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.testing.TestChildren;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's trial in small: a daemon JVM under a soft open-files limit of 256 (hard 4096) runs
 * 300 children with both streams captured (900 descriptors), each child keeps the limit of 256 it
 * would have had, a shortage at run time backs off instead of stopping the watcher, and with no
 * headroom at all the configuration is refused up front.
 */
class OpenFilesLimitTest {

    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");

    @TempDir
    Path dir;

    private Map<String, String> probe(String limits, String... args) throws Exception {
        io.circus.testing.Requirements.require(Files.isExecutable(PRLIMIT),
                "util-linux prlimit (bin/setup-test-deps installs it)");
        List<String> argv = new ArrayList<>(List.of(PRLIMIT.toString(), "--nofile=" + limits, "--"));
        List<String> java = new ArrayList<>(TestChildren.javaMain(OpenFilesProbeMain.class, args));
        java.addAll(1, List.of("--enable-native-access=ALL-UNNAMED", "-XX:-MaxFDLimit"));
        argv.addAll(java);
        Path out = dir.resolve("probe.out");
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            boolean finished = p.waitFor(180, TimeUnit.SECONDS);
            assertTrue(finished, "the probe finished: " + Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        Map<String, String> values = new HashMap<>();
        for (String line : text.lines().toList()) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.contains(" ")) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            } else if (eq > 0 && line.startsWith("refused=") || line.startsWith("backoff-reason=")) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        values.put("output", text);
        return values;
    }

    @Test
    void threeHundredCapturedChildrenRunUnderASoftLimitOf256() throws Exception {
        Map<String, String> v = probe("256:4096", "run", "300", dir.toString());
        String out = v.get("output");
        assertEquals("256", v.get("soft-at-start"), out);
        assertEquals("300", v.get("running"), out);
        assertEquals("4096", v.get("daemon-soft"), "circusd raised its own soft limit: " + out);
        assertEquals("256", v.get("child-soft"), "a child keeps the limit it would have had: " + out);
        assertTrue(v.get("backoff-reason").contains("Too many open files"), out);
        assertEquals("active", v.get("state-while-backing-off"), out);
        assertEquals("300", v.get("running-while-backing-off"), "the processes that run keep running: " + out);
        assertEquals("305", v.get("running-after"), out);
        assertTrue(out.contains("done"), out);
    }

    @Test
    void withoutHeadroomTheConfigurationIsRefusedBeforeAnythingSpawns() throws Exception {
        Map<String, String> v = probe("256:256", "refuse", "300");
        String refused = v.get("refused");
        assertTrue(refused != null && refused.contains("watcher 'many'") && refused.contains("may open only 256")
                && refused.contains("ulimit -n"), v.get("output"));
    }

}
