package io.circus.console.ctl;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One command against several daemons: {@code circusctl --endpoint A --endpoint B status} (or
 * {@code --jmx} several times, or both). Each daemon gets the same command at the same time, on its own
 * connection; each output line is then printed prefixed with {@code [endpoint] }, daemon by daemon in
 * command-line order. The exit status is the highest of them, so a script sees any failure.
 */
final class FleetRun {

    private static final Set<String> TARGETS = Set.of("--endpoint", "--jmx");
    private static final Set<String> WITH_VALUE = Set.of("--endpoint", "--jmx", "--timeout", "--pid", "--pubsub",
            "--ssh", "--ssh_keyfile");
    private static final Set<String> NOT_FOR_FLEETS = Set.of("listen", "top", "dstats");

    private FleetRun() {
    }

    /** The targets named before the command, in order, each as its option and value. */
    private record Target(String option, String value) {
        String label() {
            return "[" + value + "] ";
        }
    }

    /** Runs a fleet command and returns its status, or -1 when the command line names at most one daemon. */
    static int runIfFleet(List<String> args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        List<Target> targets = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        int i = 0;
        for (; i < args.size(); i++) {
            String w = args.get(i);
            if (!w.startsWith("-") || w.equals("--")) {
                break;
            }
            int eq = w.indexOf('=');
            String name = w.startsWith("--") && eq > 0 ? w.substring(0, eq) : w;
            String value = eq > 0 && w.startsWith("--") ? w.substring(eq + 1) : null;
            if (WITH_VALUE.contains(name) && value == null && i + 1 < args.size()) {
                value = args.get(++i);
            }
            if (TARGETS.contains(name) && value != null) {
                targets.add(new Target(name, value));
            } else {
                shared.add(w);
                if (!w.contains("=") && WITH_VALUE.contains(name) && value != null) {
                    shared.add(value);
                }
            }
        }
        if (targets.size() < 2) {
            return -1;
        }
        List<String> command = args.subList(i, args.size());
        if (command.isEmpty() || NOT_FOR_FLEETS.contains(command.getFirst())) {
            err.println(CtlOptions.USAGE);
            err.println("circusctl: error: several --endpoint/--jmx need a one-shot command (not the console, listen, top"
                    + " or dstats)");
            return 2;
        }
        List<Future<Result>> running = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Target t : targets) {
                List<String> one = new ArrayList<>(shared);
                one.add(t.option());
                one.add(t.value());
                one.addAll(command);
                running.add(pool.submit((Callable<Result>) () -> Result.of(one, in, env)));
            }
        }
        int status = 0;
        for (int k = 0; k < targets.size(); k++) {
            Result r;
            try {
                r = running.get(k).get();
            } catch (Exception e) {
                r = new Result(1, "", "circusctl: " + e + "\n");
            }
            prefix(out, targets.get(k).label(), r.out());
            prefix(err, targets.get(k).label(), r.err());
            status = Math.max(status, r.status());
        }
        return status;
    }

    private static void prefix(PrintStream to, String label, String text) {
        text.lines().forEach(line -> to.println(label + line));
    }

    private record Result(int status, String out, String err) {
        static Result of(List<String> args, InputStream in, Map<String, String> env) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status;
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                 PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                status = CircusCtl.run(args, in, o, e, env, false);
            }
            return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }
}
