package io.circus.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to start one child. Immutable; build with {@link #builder(List)}.
 *
 * @param argv       program and arguments; {@code argv[0]} is looked up on the child's PATH unless
 *                   {@code executable} is set
 * @param executable the program actually executed (Circus's {@code executable}), or null for argv[0]
 * @param env        the child's complete environment (nothing is inherited implicitly)
 * @param cwd        working directory, or null for the daemon's
 * @param stdin      NULL or INHERIT (an inherited fd with child number 0 overrides it)
 * @param stdout     where stdout goes
 * @param stderr     where stderr goes
 * @param sink       receives piped output; required when stdout or stderr is PIPE
 * @param fds        daemon descriptors passed to the child
 * @param credentials identity, or null to keep the daemon's
 * @param umask      the child's umask, or -1 to inherit the daemon's
 * @param rlimits    limits set (soft = hard) before exec; {@link Rlimit#INFINITY} for none
 * @param group      process group / session placement
 * @param killGroupOnExit when the child leads a group: SIGKILL that group as soon as the child has
 *                   exited, while its unreaped zombie still holds the pid (so the group id cannot have
 *                   been reused), leaving no descendant behind
 */
public record SpawnRequest(List<String> argv, String executable, Map<String, String> env, Path cwd,
                           Stdio stdin, Stdio stdout, Stdio stderr, OutputSink sink,
                           List<InheritedFd> fds, Credentials credentials, int umask,
                           Map<Rlimit, Long> rlimits, GroupMode group, boolean killGroupOnExit) {

    public SpawnRequest {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command line");
        }
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
        fds = List.copyOf(fds);
        rlimits = rlimits.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(rlimits));
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(group, "group");
        if (stdin == Stdio.PIPE) {
            throw new IllegalArgumentException("stdin cannot be a pipe");
        }
        if ((stdout == Stdio.PIPE || stderr == Stdio.PIPE) && sink == null) {
            throw new IllegalArgumentException("piped output needs a sink");
        }
    }

    public static Builder builder(List<String> argv) {
        return new Builder(argv);
    }

    /** The program that will be executed. */
    public String program() {
        return executable != null ? executable : argv.getFirst();
    }

    /** Mutable builder; the defaults are those of a Circus child (new session, stdin from /dev/null). */
    public static final class Builder {
        private final List<String> argv;
        private String executable;
        private final Map<String, String> env = new LinkedHashMap<>();
        private Path cwd;
        private Stdio stdin = Stdio.NULL;
        private Stdio stdout = Stdio.INHERIT;
        private Stdio stderr = Stdio.INHERIT;
        private OutputSink sink;
        private final List<InheritedFd> fds = new ArrayList<>();
        private Credentials credentials;
        private int umask = -1;
        private final Map<Rlimit, Long> rlimits = new EnumMap<>(Rlimit.class);
        private GroupMode group = GroupMode.NEW_SESSION;
        private boolean killGroupOnExit;

        private Builder(List<String> argv) {
            this.argv = List.copyOf(argv);
        }

        public Builder executable(String executable) { this.executable = executable; return this; }
        public Builder env(Map<String, String> env) { this.env.putAll(env); return this; }
        public Builder cwd(Path cwd) { this.cwd = cwd; return this; }
        public Builder stdin(Stdio stdin) { this.stdin = stdin; return this; }
        public Builder stdout(Stdio stdout) { this.stdout = stdout; return this; }
        public Builder stderr(Stdio stderr) { this.stderr = stderr; return this; }
        public Builder sink(OutputSink sink) { this.sink = sink; return this; }
        public Builder fd(InheritedFd fd) { this.fds.add(fd); return this; }
        public Builder credentials(Credentials credentials) { this.credentials = credentials; return this; }
        public Builder umask(int umask) { this.umask = umask; return this; }
        public Builder rlimit(Rlimit limit, long value) { this.rlimits.put(limit, value); return this; }
        public Builder group(GroupMode group) { this.group = group; return this; }
        public Builder killGroupOnExit(boolean kill) { this.killGroupOnExit = kill; return this; }

        public SpawnRequest build() {
            return new SpawnRequest(argv, executable, env, cwd, stdin, stdout, stderr, sink, fds, credentials,
                    umask, rlimits, group, killGroupOnExit);
        }
    }
}
