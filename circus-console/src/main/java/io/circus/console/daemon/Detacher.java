package io.circus.console.daemon;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --daemon}: a JVM cannot fork, so circusd starts itself again in a new session with its
 * standard streams on /dev/null, and the first process exits. The new process is the daemon (its pid
 * goes to the pid file).
 */
final class Detacher {

    static final String DETACHED = "CIRCUS_DETACHED";

    private Detacher() {
    }

    static boolean detached() {
        return "1".equals(System.getenv(DETACHED));
    }

    static void relaunch(String[] args) throws IOException {
        ProcessHandle.Info self = ProcessHandle.current().info();
        List<String> command = new ArrayList<>();
        command.add("setsid");
        command.add(self.command().orElseThrow(() -> new IOException("cannot find the java command")));
        // Rebuilt from the JVM's own view, not ProcessHandle's arguments(): Linux JDKs report none when
        // the command line is long (a class path of many jars), which relaunched a bare "java".
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CircusDaemon.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put(DETACHED, "1");
        pb.redirectInput(new File("/dev/null"));
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.start();
    }
}
