package io.circus.console.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code bin/bench}. Sizes are positional; everything else is an option.
 *
 * @param circusd   argv prefix that starts our daemon (before the ini path)
 * @param circusctl argv prefix of our one-shot client (before {@code --endpoint E list})
 * @param peers     where {@code circusd-ref}/{@code circusctl-ref} live, or null with {@code --no-peers}
 */
record BenchOptions(List<Integer> sizes, List<String> circusd, List<String> circusctl, Path peers,
        CoreScenario.Settings settings, boolean churn, Duration churnWindow, boolean streams, int streamsN,
        boolean abuse, int malformed, int subscribers, int abuseRounds, boolean stats, int statsN) {

    static final String USAGE = """
            usage: bin/bench [N ...] [options]
              N ...                 watcher sizes for the standard rows (default: 1000 5000 10000)
              --no-rows             no standard rows (with an optional row: that row alone)
              --peers DIR           where circusd-ref and circusctl-ref are (default: ../shared/peers
                                    beside the repository); supervisord is looked up on PATH
              --no-peers            measure circus-jvm only
              --idle-seconds S      idle CPU window (default 30)
              --calls C             latency samples per command (default 1000, at most 10 s each)
              --cli-runs R          one-shot CLI runs after a warm-up run (default 10)
              --churn               50 × /bin/true respawned (check_delay 0.2) for --churn-minutes
              --churn-minutes M     churn window (default 0.5; 10 for the flatness check); implies --churn
              --streams             10,000 children with stdout/stderr files under ulimit -Sn 1024 (ours)
              --streams-n N         children for --streams (default 10000)
              --abuse               RSS under 100,000 malformed control messages and 1000 stalled subscribers
              --malformed K         malformed messages for --abuse (default 100000)
              --subscribers K       stalled subscribers for --abuse (default 1000)
              --stats               CPU of the stats stream with one subscriber (idle window each way)
              --stats-n N           children for --stats (default 1000)
              --extras              all four optional rows
            """;

    static BenchOptions parse(String[] args, Path home) {
        List<Integer> sizes = new ArrayList<>();
        boolean rows = true;
        Path peers = home.resolve("../shared/peers").normalize();
        boolean churn = false;
        boolean streams = false;
        boolean abuse = false;
        boolean stats = false;
        double idle = 30;
        int calls = 1000;
        int cliRuns = 10;
        double churnMinutes = 0.5;
        int streamsN = 10000;
        int malformed = 100_000;
        int subscribers = 1000;
        int statsN = 1000;
        List<String> circusd = List.of(home.resolve("bin/circusd").toString());
        List<String> circusctl = List.of(home.resolve("bin/circusctl").toString());
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--peers" -> peers = Path.of(value(args, ++i, a));
                case "--no-peers" -> peers = null;
                case "--no-rows" -> rows = false;
                case "--idle-seconds" -> idle = Double.parseDouble(value(args, ++i, a));
                case "--calls" -> calls = Integer.parseInt(value(args, ++i, a));
                case "--cli-runs" -> cliRuns = Integer.parseInt(value(args, ++i, a));
                case "--churn" -> churn = true;
                case "--churn-minutes" -> {
                    churn = true;
                    churnMinutes = Double.parseDouble(value(args, ++i, a));
                }
                case "--streams" -> streams = true;
                case "--streams-n" -> {
                    streams = true;
                    streamsN = Integer.parseInt(value(args, ++i, a));
                }
                case "--abuse" -> abuse = true;
                case "--malformed" -> {
                    abuse = true;
                    malformed = Integer.parseInt(value(args, ++i, a));
                }
                case "--subscribers" -> {
                    abuse = true;
                    subscribers = Integer.parseInt(value(args, ++i, a));
                }
                case "--stats" -> stats = true;
                case "--stats-n" -> {
                    stats = true;
                    statsN = Integer.parseInt(value(args, ++i, a));
                }
                case "--extras" -> churn = streams = abuse = stats = true;
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> {
                    if (!a.matches("[1-9][0-9]*")) {
                        throw new IllegalArgumentException("unknown argument '" + a + "'");
                    }
                    sizes.add(Integer.parseInt(a));
                }
            }
        }
        if (!rows) {
            sizes = List.of();
        } else if (sizes.isEmpty()) {
            sizes = List.of(1000, 5000, 10000);
        }
        var settings = new CoreScenario.Settings(Duration.ofMillis((long) (idle * 1000)), calls, Duration.ofSeconds(10),
                Math.max(1, cliRuns));
        return new BenchOptions(sizes, circusd, circusctl, peers, settings, churn,
                Duration.ofMillis((long) (churnMinutes * 60_000)), streams, streamsN, abuse, malformed, subscribers, 20, stats, statsN);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
