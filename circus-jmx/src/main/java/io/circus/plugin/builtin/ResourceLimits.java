package io.circus.plugin.builtin;

import io.circus.plugin.PluginOptionException;
import io.circus.plugin.PluginOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bounds of the resource watcher, read with Circus's names and defaults. As in Circus a
 * {@code max_cpu} or {@code health_threshold} of 0 switches that check off; {@code min_*} are off
 * unless set. Unlike Circus, an absolute {@code min_mem} ({@code 100M}) is compared with the resident
 * size, not misread as a percentage.
 *
 * @param maxCpu          percent, 0 for none
 * @param minCpu          percent, null for none
 * @param maxMem          bound, null for none
 * @param minMem          bound, null for none
 * @param healthThreshold percent, 0 for none
 * @param maxCount        rounds out of bounds tolerated before acting
 */
record ResourceLimits(double maxCpu, Double minCpu, Limit maxMem, Limit minMem, double healthThreshold, int maxCount) {

    static ResourceLimits from(PluginOptions options) {
        int maxCount = options.integer("max_count", 3);
        if (maxCount < 0) {
            throw new PluginOptionException(options.plugin(), "max_count", String.valueOf(maxCount), "expected 0 or more");
        }
        return new ResourceLimits(options.number("max_cpu", 90), options.number("min_cpu").orElse(null),
                options.convert("max_mem", new Limit(90, false), v -> Limit.parse("max_mem", v)),
                options.convert("min_mem", null, v -> Limit.parse("min_mem", v)),
                options.number("health_threshold", 75), maxCount);
    }

    /** The statsd names of the bounds this sample breaks, in Circus's order. */
    List<String> violations(Sample s) {
        List<String> out = new ArrayList<>(5);
        if (maxCpu != 0 && s.maxCpu() > maxCpu) {
            out.add("over_cpu");
        }
        if (minCpu != null && s.minCpu() <= minCpu) {
            out.add("under_cpu");
        }
        if (maxMem != null && maxMem.above(s.maxMem(), s.maxRss())) {
            out.add("over_memory");
        }
        if (minMem != null && minMem.below(s.minMem(), s.minRss())) {
            out.add("under_memory");
        }
        if (healthThreshold != 0 && (s.maxCpu() + s.maxMem()) / 2.0 > healthThreshold) {
            out.add("over_health");
        }
        return out;
    }

    /** For the log and the notification: the figures against the bounds. */
    String describe(Sample s) {
        return String.format(Locale.ROOT, "cpu %.1f%% (max %s, min %s), memory %.2f%% / %s (max %s, min %s)",
                s.maxCpu(), maxCpu == 0 ? "none" : maxCpu + "%", minCpu == null ? "none" : minCpu + "%", s.maxMem(),
                ByteSize.describe(s.maxRss()), maxMem == null ? "none" : maxMem, minMem == null ? "none" : minMem);
    }
}
