package io.circus.console.ctl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures one-shot start-up as an operator sees it: wall time of {@code circusctl ... list} from
 * fork to exit, each run a fresh JVM, after one warm-up run (which also creates the class-data
 * archive). For {@code bin/bench}:
 *
 * <pre>
 * java -cp ... io.circus.console.ctl.StartupProbe bin/circusctl tcp://127.0.0.1:5555 [runs]
 * </pre>
 *
 * Prints {@code circusctl_list_ms min=.. median=.. max=.. runs=N} and exits 1 if a run fails.
 */
public final class StartupProbe {

    private StartupProbe() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: StartupProbe CIRCUSCTL ENDPOINT [RUNS]");
            System.exit(2);
        }
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<String> argv = List.of(args[0], "--endpoint", args[1], "list");
        time(argv);
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            ms[i] = time(argv);
        }
        Arrays.sort(ms);
        System.out.printf("circusctl_list_ms min=%d median=%d max=%d runs=%d%n", ms[0], ms[runs / 2], ms[runs - 1], runs);
    }

    private static long time(List<String> argv) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(new ArrayList<>(argv)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int status = p.waitFor();
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (status != 0) {
            System.err.println(String.join(" ", argv) + " exited " + status);
            System.exit(1);
        }
        return ms;
    }
}
