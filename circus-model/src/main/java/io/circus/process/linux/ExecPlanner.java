package io.circus.process.linux;

import io.circus.process.Credentials;
import io.circus.process.Rlimit;
import io.circus.process.SpawnException;
import io.circus.process.SpawnRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides what is actually executed for a request: the program itself, or the program behind a
 * chain of exec wrappers when the request asks for what {@code posix_spawn} cannot do.
 *
 * <p>Why wrappers: glibc's {@code posix_spawn} cannot set rlimits, credentials or the umask, and the
 * alternatives are wrong: {@code prlimit(pid)} after the spawn races with the program (spawn returns
 * after exec), changing the daemon's own umask or ids affects every JVM thread, and {@code fork()}
 * through FFM deadlocks (spawn-probe §5.1). Each wrapper applies its setting to itself and then
 * {@code execve}s the next word in place, so the pid never changes and the program sees exactly the
 * requested state from its first instruction. The chain, each link only when requested:
 * <pre>
 *   prlimit --RES=v:v ... --     exact raw values for all 16 limits, applied while still root
 *   setpriv --regid --reuid --groups|--clear-groups|--keep-groups --
 *   sh -c 'umask 0NNN; exec "$0" "$@"'       (bash and exec -a when argv[0] must differ)
 *   program args...
 * </pre>
 * A request with none of these costs nothing: the program is spawned directly.
 *
 * <p>Threading: immutable, any thread.
 */
final class ExecPlanner {

    /** What to hand to {@code posix_spawn}: an absolute or cwd-relative path and the full argv. */
    record ExecPlan(String path, List<String> argv) {
    }

    private final Path prlimit;
    private final Path setpriv;
    private final Path sh;
    private final Path bash;

    ExecPlanner(Path prlimit, Path setpriv, Path sh, Path bash) {
        this.prlimit = prlimit;
        this.setpriv = setpriv;
        this.sh = sh;
        this.bash = bash;
    }

    /** Finds the wrappers in the usual places; a missing one disables its capability. */
    static ExecPlanner fromSystem() {
        return new ExecPlanner(firstExecutable("/usr/bin/prlimit", "/bin/prlimit"),
                firstExecutable("/usr/bin/setpriv", "/bin/setpriv"),
                firstExecutable("/bin/sh", "/usr/bin/sh"),
                firstExecutable("/bin/bash", "/usr/bin/bash"));
    }

    private static Path firstExecutable(String... candidates) {
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    boolean canSetRlimits() {
        return prlimit != null;
    }

    boolean canSetCredentials() {
        return setpriv != null;
    }

    boolean canSetUmask() {
        return sh != null;
    }

    /** Builds the plan for a child that inherits the daemon's open-files limit. */
    ExecPlan plan(SpawnRequest request, int daemonUmask) throws SpawnException {
        return plan(request, daemonUmask, null);
    }

    /**
     * Builds the plan.
     *
     * @param daemonUmask    the daemon's current umask, so an equal request needs no wrapper
     * @param inheritedNofile {soft, hard} open-files limit the child gets when the request sets none
     *                       (the daemon raised its own), or null to inherit the daemon's
     * @throws SpawnException when the program is not found on the child's PATH
     */
    ExecPlan plan(SpawnRequest request, int daemonUmask, long[] inheritedNofile) throws SpawnException {
        String program = resolve(request);
        List<String> chain = new ArrayList<>();
        boolean restoreNofile = inheritedNofile != null && !request.rlimits().containsKey(Rlimit.NOFILE);
        if (!request.rlimits().isEmpty() || restoreNofile) {
            require(prlimit, "rlimits need util-linux prlimit");
            chain.add(prlimit.toString());
            for (Rlimit limit : Rlimit.values()) {
                Long v = request.rlimits().get(limit);
                if (v != null) {
                    String value = limitText(v);
                    chain.add("--" + limit.configName() + "=" + value + ":" + value);
                } else if (limit == Rlimit.NOFILE && restoreNofile) {
                    chain.add("--nofile=" + limitText(inheritedNofile[0]) + ":" + limitText(inheritedNofile[1]));
                }
            }
            chain.add("--");
        }
        Credentials creds = request.credentials();
        if (creds != null && (creds.setsUid() || creds.setsGid() || !creds.groups().isEmpty())) {
            require(setpriv, "credentials need util-linux setpriv");
            chain.add(setpriv.toString());
            if (creds.setsGid()) {
                chain.add("--regid=" + creds.gid());
            }
            if (creds.setsUid()) {
                chain.add("--reuid=" + creds.uid());
            }
            chain.add(groupsOption(creds));
            chain.add("--");
        }
        boolean umask = request.umask() >= 0 && request.umask() != daemonUmask;
        String argv0 = request.argv().getFirst();
        boolean renamed = request.executable() != null && !argv0.equals(request.executable());
        List<String> args = request.argv().subList(1, request.argv().size());
        if (umask || (renamed && !chain.isEmpty())) {
            String mask = umask ? "umask " + String.format("%04o", request.umask()) + "; " : "";
            if (renamed) {
                require(bash, "a renamed argv[0] behind an exec wrapper needs bash (exec -a)");
                chain.addAll(List.of(bash.toString(), "-c", mask + "exec -a \"$0\" \"$@\"", argv0, program));
            } else {
                require(sh, "a umask needs /bin/sh");
                chain.addAll(List.of(sh.toString(), "-c", mask + "exec \"$0\" \"$@\"", argv0));
            }
            chain.addAll(args);
            return new ExecPlan(chain.getFirst(), List.copyOf(chain));
        }
        if (chain.isEmpty()) {
            return new ExecPlan(program, request.argv());
        }
        // Wrappers execvp the word they are given with argv[0] = that word, searching the child's
        // PATH as resolve() did, so the original word keeps argv[0] unchanged.
        chain.add(argv0);
        chain.addAll(args);
        return new ExecPlan(chain.getFirst(), List.copyOf(chain));
    }

    private static String limitText(long v) {
        return v == Rlimit.INFINITY ? "unlimited" : Long.toUnsignedString(v);
    }

    private static String groupsOption(Credentials creds) {
        if (!creds.groups().isEmpty()) {
            return "--groups=" + creds.groups().stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        // A new user must not keep the daemon's (root's) supplementary groups: the caller fills
        // groups from the user's entry, so an empty list means the user has none.
        return creds.setsUid() ? "--clear-groups" : "--keep-groups";
    }

    private static void require(Path tool, String why) {
        if (tool == null) {
            throw new UnsupportedOperationException(why + ", which is not installed");
        }
    }

    /**
     * The program path: as given when it contains a slash (relative paths then resolve against the
     * child's working directory, as {@code execve} after {@code chdir} does), otherwise searched on
     * the <em>child's</em> PATH. {@code posix_spawnp} would search the daemon's PATH instead.
     */
    static String resolve(SpawnRequest request) throws SpawnException {
        String program = request.program();
        if (program.isEmpty()) {
            throw new SpawnException("empty program name", LinuxConstants.ENOENT);
        }
        if (program.contains("/")) {
            return program;
        }
        String path = request.env().getOrDefault("PATH", "/bin:/usr/bin");
        Path base = request.cwd() != null ? request.cwd() : Path.of("").toAbsolutePath();
        boolean denied = false;
        for (String dir : path.split(":", -1)) {
            Path candidate = base.resolve(dir.isEmpty() ? "." : dir).resolve(program);
            if (Files.isRegularFile(candidate)) {
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
                denied = true;
            }
        }
        if (denied) {
            throw new SpawnException("cannot start " + program + ": permission denied (found on PATH but not executable)",
                    LinuxConstants.EACCES);
        }
        throw new SpawnException("cannot start " + program + ": not found on PATH " + path, LinuxConstants.ENOENT);
    }
}
