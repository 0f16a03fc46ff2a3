package io.circus.runtime;

import io.circus.config.CircusConfig;
import io.circus.config.StreamConfig;
import io.circus.config.WatcherConfig;
import io.circus.runtime.core.ArbiterCore;
import io.circus.testing.Await;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Child JVM for {@link OpenFilesLimitTest}, started under a small soft open-files limit, as circusd
 * is (-XX:-MaxFDLimit). Prints {@code key=value} lines.
 *
 * <ul>
 *   <li>{@code run N DIR}: N children with both streams captured into DIR (3 descriptors each), then
 *   every free descriptor is taken and 5 more are asked for, which must back off, then run.</li>
 *   <li>{@code refuse N}: the same N children must be refused before anything spawns.</li>
 * </ul>
 */
public final class OpenFilesProbeMain {

    private OpenFilesProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        Path dir = Path.of(args.length > 2 ? args[2] : System.getProperty("java.io.tmpdir"));
        WatcherConfig w = WatcherConfig.builder("many", "sleep").args("3600").numProcesses(n)
                .gracefulTimeout(Duration.ofSeconds(10))
                .stdoutStream(new StreamConfig("FileStream", Map.of("filename", dir.resolve("out.log").toString())))
                .stderrStream(new StreamConfig("FileStream", Map.of("filename", dir.resolve("err.log").toString())))
                .build();
        System.out.println("soft-at-start=" + softLimit("self"));
        ArbiterCore arbiter;
        try {
            arbiter = ArbiterCore.builder(CircusConfig.of(List.of(w))).raiseFileLimit(true).build();
        } catch (DescriptorLimitException e) {
            System.out.println("refused=" + e.getMessage());
            return;
        }
        try {
            long t0 = System.nanoTime();
            arbiter.start().get(120, TimeUnit.SECONDS);
            Watcher many = arbiter.watcher("many").orElseThrow();
            Await.until("all running", Duration.ofSeconds(60), () -> many.pids().size() == n);
            System.out.println("running=" + many.pids().size());
            System.out.println("start-millis=" + (System.nanoTime() - t0) / 1_000_000);
            System.out.println("daemon-soft=" + softLimit("self"));
            System.out.println("child-soft=" + softLimit(Long.toString(many.pids().getFirst())));

            List<FileChannel> eaten = eatDescriptors();
            many.incr(5);
            Await.until("backing off", Duration.ofSeconds(60), () -> many.backoff().backingOff());
            System.out.println("backoff-reason=" + many.backoff().reason());
            System.out.println("state-while-backing-off=" + many.state().circusName());
            System.out.println("running-while-backing-off=" + many.pids().size());
            for (FileChannel c : eaten) {
                c.close();
            }
            Await.until("the 5 more run", Duration.ofSeconds(60), () -> many.pids().size() == n + 5);
            System.out.println("running-after=" + many.pids().size());
        } finally {
            arbiter.quit().get(120, TimeUnit.SECONDS);
        }
        System.out.println("done");
    }

    private static List<FileChannel> eatDescriptors() {
        List<FileChannel> eaten = new ArrayList<>();
        try {
            while (true) {
                eaten.add(FileChannel.open(Path.of("/dev/null")));
            }
        } catch (IOException e) {
            // EMFILE: every descriptor is taken.
        }
        return eaten;
    }

    private static String softLimit(String pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "limits"))) {
            if (line.startsWith("Max open files")) {
                return line.substring("Max open files".length()).trim().split("\\s+")[0];
            }
        }
        return "?";
    }
}
