package io.circus.process.jdk;

import io.circus.process.Capability;
import io.circus.process.GroupMode;
import io.circus.process.ManagedProcess;
import io.circus.process.ProcessLauncher;
import io.circus.process.SpawnException;
import io.circus.process.SpawnRequest;
import io.circus.process.Stdio;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The portable backend on {@link ProcessBuilder}: any OS, any JDK feature level we build for.
 *
 * <p>It costs a reaper thread per child (the JDK's) and a reader thread per piped stream, so it
 * suits a few hundred processes at most. Signals other than TERM and KILL and process groups go
 * through {@code /bin/kill} and {@code setsid} when those exist. Descriptor passing, credentials,
 * limits and umask are not available: requests for them are refused, never ignored.
 */
public final class JdkLauncher implements ProcessLauncher {

    private static final Path SETSID = firstExecutable("/usr/bin/setsid", "/bin/setsid");
    static final Path KILL = firstExecutable("/bin/kill", "/usr/bin/kill");

    private final Set<Capability> capabilities;
    private final AtomicInteger readers = new AtomicInteger();

    public JdkLauncher() {
        EnumSet<Capability> caps = EnumSet.noneOf(Capability.class);
        if (KILL != null) {
            caps.add(Capability.SIGNALS_ANY);
        }
        if (SETSID != null && KILL != null) {
            caps.add(Capability.PROCESS_GROUP);
            caps.add(Capability.SESSION);
        }
        this.capabilities = Set.copyOf(caps);
    }

    private static Path firstExecutable(String... candidates) {
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public int threadCount() {
        return readers.get();
    }

    @Override
    public ManagedProcess spawn(SpawnRequest request) throws SpawnException {
        refuseUnsupported(request);
        boolean grouped = request.group() != GroupMode.NONE && SETSID != null;
        List<String> command = new ArrayList<>();
        if (grouped) {
            // setsid execs in place when its caller is not a group leader (a JDK child never is),
            // so the pid we get is the program's and it leads its own session and group.
            command.add(SETSID.toString());
        }
        // Resolve the program first: behind setsid a missing program would look like a crash (127).
        command.add(resolve(request));
        command.addAll(request.argv().subList(1, request.argv().size()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(request.env());
        if (request.cwd() != null) {
            if (!Files.isDirectory(request.cwd())) {
                throw new SpawnException("working directory does not exist: " + request.cwd(), 2);
            }
            pb.directory(request.cwd().toFile());
        }
        pb.redirectInput(request.stdin() == Stdio.INHERIT ? ProcessBuilder.Redirect.INHERIT
                : ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(redirect(request.stdout()));
        pb.redirectError(redirect(request.stderr()));
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new SpawnException("cannot start " + request.program() + ": " + e.getMessage(), e);
        }
        return new JdkProcess(process, request, grouped, readers);
    }

    private static String resolve(SpawnRequest request) throws SpawnException {
        String program = request.program();
        if (program.contains("/")) {
            Path p = request.cwd() != null ? request.cwd().resolve(program) : Path.of(program);
            return checkExecutable(p, program).toString();
        }
        String path = request.env().getOrDefault("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new SpawnException("cannot start " + program + ": No such file or directory (not on PATH " + path + ")", 2);
    }

    private static Path checkExecutable(Path p, String program) throws SpawnException {
        if (!Files.exists(p)) {
            throw new SpawnException("cannot start " + program + ": No such file or directory", 2);
        }
        if (Files.isDirectory(p) || !Files.isExecutable(p)) {
            throw new SpawnException("cannot start " + program + ": Permission denied", 13);
        }
        return p;
    }

    private static ProcessBuilder.Redirect redirect(Stdio stdio) {
        return switch (stdio) {
            case NULL -> ProcessBuilder.Redirect.DISCARD;
            case INHERIT -> ProcessBuilder.Redirect.INHERIT;
            case PIPE -> ProcessBuilder.Redirect.PIPE;
        };
    }

    private void refuseUnsupported(SpawnRequest request) {
        if (!request.fds().isEmpty()) {
            throw new UnsupportedOperationException("the jdk process backend cannot pass sockets to children");
        }
        if (request.credentials() != null) {
            throw new UnsupportedOperationException("the jdk process backend cannot set uid/gid");
        }
        if (!request.rlimits().isEmpty()) {
            throw new UnsupportedOperationException("the jdk process backend cannot set rlimits");
        }
        if (request.umask() >= 0) {
            throw new UnsupportedOperationException("the jdk process backend cannot set a umask");
        }
    }

    @Override
    public void close() {
        // Nothing to stop: reader threads end with their streams.
    }
}
