package io.circus.console.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code bin/bench}: measures the real {@code bin/circusd} from outside, as a separate process,
 * beside the peers when they are installed (Python Circus 0.19's circusd, Debian's supervisord) on
 * the same workload in the same run. Prints a Markdown table per N with ours divided by the best
 * peer and the goals; exits 1 when a step of ours failed. Every process a run starts is ended by
 * the {@link Sweeper}, also on failure and Ctrl-C.
 */
public final class BenchCommand {

    /** Everything one invocation measured. */
    record Results(List<List<Outcome>> tables, List<Extra> extras) {

        boolean oursFailed() {
            return tables.stream().anyMatch(t -> t.getFirst().failed())
                    || extras.stream().anyMatch(x -> x.failure != null && x.contender.equals(OURS));
        }
    }

    static final String OURS = "circus-jvm";

    private BenchCommand() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, Path.of(System.getProperty("circus.home", ".")).toAbsolutePath());
        } catch (IllegalArgumentException e) {
            (e.getMessage().isEmpty() ? System.out : System.err)
                    .print((e.getMessage().isEmpty() ? "" : "bench: " + e.getMessage() + "\n") + BenchOptions.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        boolean subreaper = Signals.becomeSubreaper();
        Sweeper sweeper = new Sweeper();
        sweeper.installHook();
        Results r = run(options, sweeper, System.out, System.err);
        if (subreaper) {
            // Orphans of killed daemons were swept by pid; what is left here is background work of a
            // client (circusctl's cache training): let it finish for up to a minute, then end it.
            try {
                Poll.until("leftover processes", Duration.ofSeconds(60), Duration.ofMillis(100),
                        () -> ProcessHandle.current().descendants().noneMatch(h -> ProcFs.alive(h.pid())));
            } catch (Poll.TimedOut e) {
                System.err.println("bench: ending processes left after 60 s: " + ProcessHandle.current().descendants()
                        .map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).toList());
            }
            ProcessHandle.current().descendants().forEach(h -> Signals.kill(h.pid(), Signals.SIGKILL));
        }
        System.exit(r.oursFailed() ? 1 : 0);
    }

    static Results run(BenchOptions o, Sweeper sweeper, PrintStream out, PrintStream progress) throws IOException {
        Path dir = Files.createTempDirectory("circus-bench-");
        List<Contender> contenders = new ArrayList<>();
        contenders.add(new CircusContender(OURS, o.circusd(), o.circusctl(), false));
        header(out, o, Peers.find(o.peers(), contenders));
        Results results = new Results(new ArrayList<>(), new ArrayList<>());
        CoreScenario core = new CoreScenario(o.settings(), sweeper, progress);
        try {
            for (int n : o.sizes()) {
                String load = ProcFs.loadAverage();
                List<Outcome> table = new ArrayList<>();
                for (Contender c : contenders) {
                    progress.printf("%s: N = %d%n", c.name(), n);
                    table.add(core.run(c, n, dir));
                }
                results.tables().add(table);
                out.printf("N = %d: one watcher of %d × `sleep 3600`; load average %s before, %s after%n%n", n, n, load,
                        ProcFs.loadAverage());
                Report.table(out, n, table);
                out.flush();
            }
            extras(o, contenders, dir, sweeper, progress, results.extras());
            printExtras(out, results.extras());
        } finally {
            sweeper.sweepAll();
        }
        long left = sweeper.leftovers();
        boolean failed = results.oursFailed();
        for (List<Outcome> t : results.tables()) {
            t.stream().filter(Outcome::failed).forEach(x -> progress.printf("%n%s at N = %d failed: %s%n", x.contender, x.n, x.failure));
        }
        results.extras().stream().filter(x -> x.failure != null)
                .forEach(x -> progress.printf("%n%s / %s failed: %s%n", x.scenario, x.contender, x.failure));
        if (left > 0) {
            progress.printf("bench: %d processes of this run were still alive after the sweep%n", left);
        }
        if (failed) {
            progress.println("bench: a step of circus-jvm FAILED (see above); its files are kept in " + dir);
        } else {
            deleteTree(dir);
        }
        return results;
    }

    private static void extras(BenchOptions o, List<Contender> contenders, Path dir, Sweeper sweeper, PrintStream progress,
            List<Extra> extras) {
        List<CircusContender> circus = contenders.stream().filter(CircusContender.class::isInstance)
                .map(CircusContender.class::cast).toList();
        if (o.churn()) {
            for (CircusContender c : circus) {
                progress.printf("%s: churn for %d s%n", c.name(), o.churnWindow().toSeconds());
                extras.add(ChurnScenario.run(c, dir, o.churnWindow(), sweeper));
            }
        }
        if (o.streams()) {
            progress.printf("%s: %d children with streams under ulimit -Sn 1024%n", OURS, o.streamsN());
            extras.add(StreamsScenario.run(circus.getFirst(), dir, o.streamsN(), sweeper));
        }
        if (o.abuse()) {
            for (CircusContender c : circus) {
                progress.printf("%s: %d malformed messages, %d stalled subscribers%n", c.name(), o.malformed(), o.subscribers());
                extras.add(AbuseScenario.malformed(c, dir, o.malformed(), sweeper));
                extras.add(AbuseScenario.stalledSubscribers(c, dir, o.subscribers(), o.abuseRounds(), sweeper));
            }
        }
        if (o.stats()) {
            for (CircusContender c : circus) {
                progress.printf("%s: stats stream, %d children%n", c.name(), o.statsN());
                extras.add(StatsScenario.run(c, dir, o.statsN(), o.settings().idle(), sweeper));
            }
        }
    }

    private static void header(PrintStream out, BenchOptions o, List<String> peerNotes) {
        out.printf(Locale.ROOT, "# bin/bench, %s%n%n", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        out.printf(Locale.ROOT, "machine: %s, %d cores, %.1f GiB; load average %s; JDK %s%n",
                ProcFs.cpuModel(), Runtime.getRuntime().availableProcessors(), ProcFs.memTotalGib(), ProcFs.loadAverage(),
                System.getProperty("java.version"));
        out.println("Figures are wall time on this machine as it is: other work running here (builds, tests) slows them.");
        out.printf(Locale.ROOT, "each daemon: started as a separate process, measured from outside (/proc, its own protocol); "
                + "idle window %d s; latency %d calls or 10 s per command; CLI median of %d runs%n",
                o.settings().idle().toSeconds(), o.settings().calls(), o.settings().cliRuns());
        peerNotes.forEach(p -> out.println("peers: " + p));
        out.println();
    }

    private static void printExtras(PrintStream out, List<Extra> extras) {
        for (String scenario : extras.stream().map(x -> x.scenario).distinct().toList()) {
            List<Extra> rows = extras.stream().filter(x -> x.scenario.equals(scenario)).toList();
            out.println("### " + scenario);
            out.println();
            StringBuilder head = new StringBuilder("| figure |");
            StringBuilder rule = new StringBuilder("|---|");
            rows.forEach(x -> {
                head.append(' ').append(x.contender).append(" |");
                rule.append("---:|");
            });
            out.println(head);
            out.println(rule);
            List<String> keys = rows.stream().flatMap(x -> x.values.keySet().stream()).distinct().toList();
            for (String k : keys) {
                StringBuilder row = new StringBuilder("| " + k + " |");
                rows.forEach(x -> row.append(' ').append(x.values.getOrDefault(k, x.failure != null ? "failed" : "–")).append(" |"));
                out.println(row);
            }
            rows.stream().filter(x -> x.failure != null)
                    .forEach(x -> out.println("- " + x.contender + " FAILED: " + x.failure.lines().findFirst().orElse("")));
            out.println();
        }
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
