package io.circus.console.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One reading of every watcher and process for {@code top}, taken with the ordinary commands
 * ({@code status} and {@code stats}) so that it shows the same figures over either transport, and
 * its rendering as text lines.
 *
 * @param watchers by name, in name order
 */
public record TopSnapshot(String source, Map<String, WatcherRow> watchers) {

    /** A watcher: its state and its processes. */
    public record WatcherRow(String name, String state, List<ProcessRow> processes, String flapping) {

        public WatcherRow(String name, String state, List<ProcessRow> processes) {
            this(name, state, processes, "");
        }

        double cpu() {
            return processes.stream().mapToDouble(ProcessRow::cpu).sum();
        }

        double mem() {
            return processes.stream().mapToDouble(ProcessRow::mem).sum();
        }
    }

    /** A process: figures from {@code stats}; state {@code gone} when it vanished while read. */
    public record ProcessRow(long pid, String state, double cpu, double mem, String rss, double age, String cmdline) {
    }

    /** Sort keys: the letter is the key that selects it in the live view. */
    public enum SortKey {
        CPU('c', Comparator.comparingDouble(ProcessRow::cpu).reversed()),
        MEM('m', Comparator.comparingDouble(ProcessRow::mem).reversed()),
        AGE('a', Comparator.comparingDouble(ProcessRow::age).reversed()),
        PID('p', Comparator.comparingLong(ProcessRow::pid)),
        NAME('n', Comparator.comparing(ProcessRow::cmdline).thenComparingLong(ProcessRow::pid));

        final char key;
        final Comparator<ProcessRow> order;

        SortKey(char key, Comparator<ProcessRow> order) {
            this.key = key;
            this.order = order;
        }

        public static SortKey parse(String s) throws ArgumentException {
            for (SortKey k : values()) {
                if (k.name().equalsIgnoreCase(s) || s.length() == 1 && s.charAt(0) == k.key) {
                    return k;
                }
            }
            throw new ArgumentException("unknown sort key '" + s + "': cpu, mem, age, pid or name");
        }

        static SortKey forKey(int c) {
            for (SortKey k : values()) {
                if (k.key == Character.toLowerCase(c)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** Reads the daemon through the transport. */
    public static TopSnapshot read(Transport transport) throws NoReplyException {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode status = transport.call("status", json.objectNode());
        ObjectNode stats = transport.call("stats", json.objectNode().put("extended", false));
        Map<String, WatcherRow> watchers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        status.path("statuses").properties().forEach(e ->
                watchers.put(e.getKey(), new WatcherRow(e.getKey(), e.getValue().asText(), new ArrayList<>(),
                        status.path("flapping").path(e.getKey()).asText(""))));
        for (Map.Entry<String, JsonNode> w : stats.path("infos").properties()) {
            WatcherRow row = watchers.computeIfAbsent(w.getKey(), k -> new WatcherRow(k, "?", new ArrayList<>()));
            for (Map.Entry<String, JsonNode> p : w.getValue().properties()) {
                row.processes().add(process(p.getKey(), p.getValue()));
            }
        }
        return new TopSnapshot(transport.describe(), watchers);
    }

    private static ProcessRow process(String pid, JsonNode info) {
        long p = Long.parseLong(pid);
        if (!info.isObject()) {
            return new ProcessRow(p, "gone", 0, 0, "", 0, "");
        }
        return new ProcessRow(p, "running", info.path("cpu").asDouble(0), info.path("mem").asDouble(0),
                info.path("mem_info1").asText(""), info.path("age").asDouble(0), info.path("cmdline").asText(""));
    }

    public int processCount() {
        return watchers.values().stream().mapToInt(w -> w.processes().size()).sum();
    }

    /** The screen: a header, a column heading, then each watcher followed by its processes. */
    public List<String> lines(SortKey sort, int width) {
        List<String> out = new ArrayList<>();
        out.add(fit("Circus Top  " + source + "  " + watchers.size() + " watchers, " + processCount()
                + " processes, sorted by " + sort.name().toLowerCase(Locale.ROOT), width));
        out.add(fit(String.format("%-24s %-9s %7s %7s %9s %10s  %s", "WATCHER / PID", "STATE", "CPU %", "MEM %", "RSS",
                "AGE", "COMMAND"), width));
        for (WatcherRow w : watchers.values()) {
            out.add(fit(String.format("%-24s %-9s %7.1f %7.3f %9s %10s  %s", w.name(), w.state(), w.cpu(), w.mem(),
                    "", "", w.processes().size() + " processes"
                            + (w.flapping().isEmpty() ? "" : "  " + w.flapping())), width));
            for (ProcessRow p : w.processes().stream().sorted(sort.order).toList()) {
                out.add(fit(String.format("  %-22d %-9s %7.1f %7.3f %9s %10s  %s", p.pid(), p.state(), p.cpu(),
                        p.mem(), p.rss(), age(p.age()), p.cmdline()), width));
            }
        }
        return out;
    }

    /** Seconds as {@code [d-]h:mm:ss}. */
    static String age(double seconds) {
        long s = (long) seconds;
        long d = s / 86_400;
        String hms = String.format("%d:%02d:%02d", s % 86_400 / 3600, s % 3600 / 60, s % 60);
        return d > 0 ? d + "-" + hms : hms;
    }

    private static String fit(String line, int width) {
        return width > 0 && line.length() > width ? line.substring(0, width) : line;
    }
}
