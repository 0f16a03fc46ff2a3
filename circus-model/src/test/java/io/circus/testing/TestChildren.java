package io.circus.testing;

import io.circus.config.WatcherConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Test children: {@code sleep 3600} watchers, and command lines for small Java mains from the test
 * class path or /bin/sh scripts.
 */
public final class TestChildren {

    private TestChildren() {
    }

    /** A watcher of {@code n} × {@code sleep 3600} that stops within 5 s: the children most tests need. */
    public static WatcherConfig.Builder sleepers(String name, int n) {
        return WatcherConfig.builder(name, "sleep").args("3600").numProcesses(n).gracefulTimeout(Duration.ofSeconds(5));
    }

    /** The java binary running the tests. */
    public static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** argv that runs {@code main} of the given class from the test class path. */
    public static List<String> javaMain(Class<?> main, String... args) {
        List<String> argv = new ArrayList<>(List.of(java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        argv.addAll(List.of(args));
        return argv;
    }

    /** The same as {@link #javaMain} as one shell-quoted string, for a watcher's {@code cmd}. */
    public static String javaMainCmd(Class<?> main, String... args) {
        StringBuilder sb = new StringBuilder();
        for (String word : javaMain(main, args)) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append('\'').append(word.replace("'", "'\\''")).append('\'');
        }
        return sb.toString();
    }
}
