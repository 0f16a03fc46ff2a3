package io.circus.hook.run;

import io.circus.hook.HookContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command hook: the program runs in a session of its own (so a hung hook is killed with everything it
 * started), with the hook's data in its environment and as JSON on its standard input; its standard output
 * and error go to the daemon log, line by line, under the hook's name. Exit status 0 is success; anything
 * else, or no exit before the deadline, is a failure.
 */
final class CommandHook implements HookCall {

    private static final Logger LOG = LoggerFactory.getLogger(CommandHook.class);
    /** util-linux's setsid(1): execs the program as a session (and group) leader, without forking. */
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final int MAX_LINE = 8192;

    private final List<String> argv;
    private final Duration timeout;

    CommandHook(List<String> argv, Duration timeout) {
        this.argv = List.copyOf(argv);
        this.timeout = timeout;
    }

    /**
     * The program as it would be run: a path is taken as is (relative to the daemon's directory), a bare
     * name is looked up on the daemon's {@code PATH}.
     *
     * @return null when there is no such executable file
     */
    static Path executable(String program) {
        if (program.contains("/")) {
            Path p = Path.of(program);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv("PATH");
        for (String d : (path == null ? "/usr/bin:/bin" : path).split(":")) {
            Path p = Path.of(d.isEmpty() ? "." : d, program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public boolean enforcesDeadline() {
        return true;
    }

    @Override
    public boolean call(HookContext c, long deadlineNanos) throws Exception {
        if (executable(argv.get(0)) == null) {
            throw new HookFailure("cannot run " + argv.get(0) + ": no such executable file");
        }
        boolean ownGroup = Files.isExecutable(SETSID);
        List<String> command = new ArrayList<>();
        if (ownGroup) {
            command.add(SETSID.toString());
        }
        command.addAll(argv);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(HookPayload.environment(c));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new HookFailure("cannot run " + argv.get(0) + ": " + e.getMessage());
        }
        String name = c.watcherName() + "." + c.hookName();
        Thread.ofPlatform().daemon().name("circus-hook-output " + name).start(() -> log(name, p));
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(HookPayload.json(c).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The hook exited or closed its standard input without reading it: its choice.
        }
        try {
            if (!p.waitFor(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                kill(p, ownGroup);
                throw new HookFailure("timed out after " + seconds(timeout) + " s (hook_timeout); killed "
                        + (ownGroup ? "its process group" : "it and its descendants"), true);
            }
        } catch (InterruptedException e) {
            kill(p, ownGroup);
            Thread.currentThread().interrupt();
            throw new HookFailure("interrupted; killed the command");
        }
        int code = p.exitValue();
        if (code == 0) {
            return true;
        }
        // The JDK reports a death by signal N as 128 + N, as a shell does.
        throw new HookFailure(code > 128 && code < 128 + 65 ? "killed by signal " + (code - 128)
                : "exited with code " + code);
    }

    private static void kill(Process p, boolean ownGroup) {
        if (ownGroup) {
            try {
                // The session leader's pid is its group id; the group outlives the leader's own death.
                new ProcessBuilder("kill", "-KILL", "--", "-" + p.pid()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                LOG.warn("hook pid {}: cannot run kill(1) for its process group: {}", p.pid(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        p.destroyForcibly();
    }

    private static void log(String name, Process p) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                LOG.info("hook {} [{}]: {}", name, p.pid(), line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "..." : line);
            }
        } catch (IOException e) {
            LOG.debug("hook {}: output ended: {}", name, e.getMessage());
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : Double.toString(d.toMillis() / 1000.0);
    }
}
