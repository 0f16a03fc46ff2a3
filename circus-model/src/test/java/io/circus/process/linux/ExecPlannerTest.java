package io.circus.process.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.circus.process.Credentials;
import io.circus.process.Rlimit;
import io.circus.process.SpawnException;
import io.circus.process.SpawnRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecPlannerTest {

    private static final ExecPlanner ALL = new ExecPlanner(Path.of("/usr/bin/prlimit"), Path.of("/usr/bin/setpriv"),
            Path.of("/bin/sh"), Path.of("/bin/bash"));
    private static final ExecPlanner NONE = new ExecPlanner(null, null, null, null);

    private static SpawnRequest.Builder request(String... argv) {
        return SpawnRequest.builder(List.of(argv)).env(Map.of("PATH", "/usr/bin:/bin"));
    }

    @Test
    void plainRequestsAreSpawnedDirectly() throws SpawnException {
        ExecPlanner.ExecPlan plan = NONE.plan(request("sleep", "5").build(), 022);
        assertEquals(List.of("sleep", "5"), plan.argv());
        assertEquals("/usr/bin/sleep", plan.path());
    }

    @Test
    void theDaemonsOwnUmaskNeedsNoWrapper() throws SpawnException {
        assertEquals(List.of("sleep", "5"), NONE.plan(request("sleep", "5").umask(022).build(), 022).argv());
    }

    @Test
    void wrappersChainInOrder() throws SpawnException {
        ExecPlanner.ExecPlan plan = ALL.plan(request("sleep", "5").rlimit(Rlimit.NOFILE, 100)
                .rlimit(Rlimit.CORE, Rlimit.INFINITY).credentials(new Credentials(65534, 65534, List.of()))
                .umask(027).build(), 022);
        assertEquals("/usr/bin/prlimit", plan.path());
        assertEquals(List.of("/usr/bin/prlimit", "--core=unlimited:unlimited", "--nofile=100:100", "--",
                "/usr/bin/setpriv", "--regid=65534", "--reuid=65534", "--clear-groups", "--",
                "/bin/sh", "-c", "umask 0027; exec \"$0\" \"$@\"", "sleep", "5"), plan.argv());
    }

    @Test
    void supplementaryGroups() throws SpawnException {
        assertEquals(List.of("/usr/bin/setpriv", "--regid=5", "--reuid=5", "--groups=5,7", "--", "sleep", "5"),
                ALL.plan(request("sleep", "5").credentials(new Credentials(5, 5, List.of(5, 7))).build(), 022).argv());
        assertEquals(List.of("/usr/bin/setpriv", "--regid=5", "--keep-groups", "--", "sleep", "5"),
                ALL.plan(request("sleep", "5").credentials(new Credentials(-1, 5, List.of())).build(), 022).argv());
    }

    @Test
    void renamedArgvZeroBehindAWrapperUsesBashExecA() throws SpawnException {
        assertEquals(List.of("/usr/bin/prlimit", "--nofile=9:9", "--", "/bin/bash", "-c", "exec -a \"$0\" \"$@\"",
                        "worker", "/bin/sleep", "5"),
                ALL.plan(request("worker", "5").executable("/bin/sleep").rlimit(Rlimit.NOFILE, 9).build(), 022).argv());
    }

    @Test
    void missingToolsAreRefusedNotIgnored() {
        assertThrows(UnsupportedOperationException.class,
                () -> NONE.plan(request("sleep", "5").rlimit(Rlimit.NOFILE, 100).build(), 022));
        assertThrows(UnsupportedOperationException.class,
                () -> NONE.plan(request("sleep", "5").credentials(new Credentials(1, 1, List.of())).build(), 022));
    }

    @Test
    void programIsSearchedOnTheChildsPath() {
        SpawnException e = assertThrows(SpawnException.class,
                () -> ExecPlanner.resolve(SpawnRequest.builder(List.of("sleep")).env(Map.of("PATH", "/nonexistent")).build()));
        assertEquals(LinuxConstants.ENOENT, e.errno());
    }
}
