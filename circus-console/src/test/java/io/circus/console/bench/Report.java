package io.circus.console.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints one N as a Markdown table (readable in a terminal, pasteable into docs/performance.md):
 * a row per figure, a column per contender, ours divided by the best peer, and the goal with a
 * verdict where one is set.
 */
final class Report {

    private Report() {
    }

    static void table(PrintStream out, int n, List<Outcome> outcomes) {
        Outcome ours = outcomes.getFirst();
        List<Outcome> peers = outcomes.subList(1, outcomes.size());
        StringBuilder head = new StringBuilder("| figure (N = " + n + ") |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Outcome o : outcomes) {
            head.append(' ').append(o.contender).append(" |");
            rule.append("---:|");
        }
        if (!peers.isEmpty()) {
            head.append(" ours ÷ best peer |");
            rule.append("---:|");
        }
        head.append(" goal |");
        rule.append("---|");
        out.println(head);
        out.println(rule);
        for (Figure f : Figure.values()) {
            StringBuilder row = new StringBuilder("| " + f.label + (f.unit.isEmpty() ? "" : " (" + f.unit + ")") + " |");
            for (Outcome o : outcomes) {
                row.append(' ').append(o.figures.containsKey(f) ? f.format(o.get(f)) : o.failed() ? "failed" : "–").append(" |");
            }
            if (!peers.isEmpty()) {
                double best = peers.stream().mapToDouble(p -> p.get(f)).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
                row.append(' ').append(ratio(ours.get(f), best)).append(" |");
            }
            row.append(' ').append(goal(f, n, ours.get(f))).append(" |");
            out.println(row);
        }
        out.println();
        for (Outcome o : outcomes) {
            for (String note : o.notes) {
                out.println("- " + o.contender + ": " + note);
            }
            if (o.failed()) {
                out.println("- " + o.contender + " FAILED at " + o.failure.lines().findFirst().orElse(""));
            }
        }
        out.println();
    }

    static String ratio(double ours, double best) {
        if (Double.isNaN(ours) || Double.isNaN(best)) {
            return "–";
        }
        if (best == 0) {
            return ours == 0 ? "1×" : "–";
        }
        double r = ours / best;
        return String.format(Locale.ROOT, r < 0.1 ? "%.3f×" : "%.2f×", r);
    }

    static String goal(Figure f, int n, double ours) {
        double g = f.goal(n);
        if (Double.isNaN(g)) {
            return "";
        }
        String bound = "≤ " + java.math.BigDecimal.valueOf(g).stripTrailingZeros().toPlainString();
        return Double.isNaN(ours) ? bound : bound + (ours <= g ? " met" : " **missed**");
    }
}
