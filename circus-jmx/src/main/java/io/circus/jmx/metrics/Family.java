package io.circus.jmx.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;

/** One metric family being filled during a scrape: a gauge or a counter with its data points. */
final class Family {

    private final boolean counter;
    private final CounterSnapshot.Builder counters;
    private final GaugeSnapshot.Builder gauges;

    Family(String name, String help, Unit unit, boolean counter) {
        this.counter = counter;
        if (counter) {
            counters = CounterSnapshot.builder().name(name).help(help);
            gauges = null;
            if (unit != null) {
                counters.unit(unit);
            }
        } else {
            gauges = GaugeSnapshot.builder().name(name).help(help);
            counters = null;
            if (unit != null) {
                gauges.unit(unit);
            }
        }
    }

    Family add(Labels labels, double value) {
        if (counter) {
            counters.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels).value(value).build());
        } else {
            gauges.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(value).build());
        }
        return this;
    }

    MetricSnapshot build() {
        return counter ? counters.build() : gauges.build();
    }
}
