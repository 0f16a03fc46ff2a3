package io.circus.console.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What one contender measured at one N: the figures it reached, notes, and the failure that stopped it. */
final class Outcome {

    final String contender;
    final int n;
    final Map<Figure, Double> figures = new EnumMap<>(Figure.class);
    final List<String> notes = new ArrayList<>();
    String failure;

    Outcome(String contender, int n) {
        this.contender = contender;
        this.n = n;
    }

    void put(Figure f, double v) {
        figures.put(f, v);
    }

    double get(Figure f) {
        return figures.getOrDefault(f, Double.NaN);
    }

    boolean failed() {
        return failure != null;
    }
}
