package io.circus.console.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circus.console.ctl.CommandSpec.Arg;
import io.circus.process.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completion that knows the daemon: command names, each command's options, then per argument
 * position the live watcher names, their pids, option keys (the watcher's own for {@code get}),
 * sensible values for {@code set}, signal names, global option names and event topics. Daemon
 * answers are kept for two seconds so that repeated TABs do not query it each time.
 *
 * <p>Threading: called by JLine on the thread inside {@code readLine}, which is the transport's
 * owner thread, so the daemon calls stay on that thread.
 */
final class DaemonCompleter implements Completer {

    private static final long CACHE_NANOS = 2_000_000_000L;
    private static final List<String> GLOBAL_OPTIONS = List.of("endpoint", "pubsub_endpoint", "stats_endpoint",
            "multicast_endpoint", "check_delay");
    private static final List<String> EVENTS = List.of("spawn", "reap", "kill", "stop", "start", "reload", "updated",
            "add", "remove");

    private final CommandRunner.TransportSource transports;
    private List<String> watchers = List.of();
    private long watchersAt;

    DaemonCompleter(CommandRunner.TransportSource transports) {
        this.transports = transports;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
        List<String> words = line.words();
        int index = line.wordIndex();
        String current = line.word();
        if (index == 0) {
            for (CommandSpec c : CommandCatalog.all()) {
                out.add(new Candidate(c.name(), c.name(), null, c.summary(), null, null, true));
            }
            out.add(new Candidate("exit", "exit", null, "Leave the console", null, null, true));
            out.add(new Candidate("unlisten", "unlisten", null, "Stop printing events", null, null, true));
            return;
        }
        CommandSpec spec = CommandCatalog.find(words.getFirst()).orElse(null);
        if (spec == null) {
            return;
        }
        if (current.startsWith("-")) {
            spec.options().forEach(o -> out.add(new Candidate("--" + o.name(), "--" + o.name(), null, o.help(), null, null,
                    !o.takesValue())));
            return;
        }
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < index && i < words.size(); i++) {
            if (!words.get(i).startsWith("-")) {
                positional.add(words.get(i));
            }
        }
        if (spec.arguments().isEmpty()) {
            return;
        }
        int pos = positional.size();
        Arg arg = spec.arguments().get(Math.min(pos, spec.arguments().size() - 1));
        try {
            candidates(spec.name(), arg, positional, out);
        } catch (NoReplyException | RuntimeException e) {
            // No daemon, no suggestions: completion must never get in the way of typing.
        }
    }

    private void candidates(String command, Arg arg, List<String> before, List<Candidate> out) throws NoReplyException {
        switch (arg) {
            case WATCHER -> watchers().forEach(w -> out.add(plain(w)));
            case PID -> {
                pids(before.getFirst()).forEach(p -> out.add(plain(p)));
                if (command.equals("signal")) {
                    signals(out);
                }
            }
            case SIGNAL -> signals(out);
            case OPTION_KEY -> {
                if (command.equals("set") && before.size() % 2 == 1) {
                    OptionConverter.KEYS.forEach(k -> out.add(new Candidate(k, k, null, null, null, null, !k.endsWith("."))));
                } else if (command.equals("set")) {
                    values(before.getLast(), out);
                } else {
                    optionKeys(before.getFirst()).forEach(k -> out.add(plain(k)));
                }
            }
            case OPTION_VALUE -> {
                if (before.size() % 2 == 0) {
                    values(before.getLast(), out);
                } else {
                    OptionConverter.KEYS.forEach(k -> out.add(plain(k)));
                }
            }
            case GLOBAL_OPTION -> GLOBAL_OPTIONS.forEach(o -> out.add(plain(o)));
            case TOPIC -> {
                out.add(new Candidate("watcher.", "watcher.", null, "every event", null, null, false));
                for (String w : watchers()) {
                    String base = "watcher." + w.toLowerCase(java.util.Locale.ROOT).replace(' ', '_') + ".";
                    out.add(new Candidate(base, base, null, null, null, null, false));
                    EVENTS.forEach(e -> out.add(plain(base + e)));
                }
            }
            case COMMAND -> CommandCatalog.all().forEach(c -> out.add(plain(c.name())));
            case FREE -> {
            }
        }
    }

    private static void values(String key, List<Candidate> out) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        if (k.equals("stop_signal")) {
            signals(out);
        } else if (List.of("send_hup", "stop_children", "shell", "copy_env", "respawn", "singleton", "close_child_stdin",
                "close_child_stdout", "close_child_stderr").contains(k)) {
            out.add(plain("true"));
            out.add(plain("false"));
        }
    }

    private static void signals(List<Candidate> out) {
        Signal.names().forEach(s -> out.add(plain(s)));
    }

    private static Candidate plain(String value) {
        return new Candidate(value, value, null, null, null, null, true);
    }

    private List<String> watchers() throws NoReplyException {
        if (System.nanoTime() - watchersAt > CACHE_NANOS) {
            ObjectNode reply = transports.get().call("status", JsonNodeFactory.instance.objectNode());
            List<String> names = new ArrayList<>();
            reply.path("statuses").fieldNames().forEachRemaining(names::add);
            watchers = names;
            watchersAt = System.nanoTime();
        }
        return watchers;
    }

    private List<String> pids(String watcher) throws NoReplyException {
        ObjectNode reply = transports.get().call("list", JsonNodeFactory.instance.objectNode().put("name", watcher));
        List<String> pids = new ArrayList<>();
        reply.path("pids").forEach(p -> pids.add(p.asText()));
        return pids;
    }

    private List<String> optionKeys(String watcher) throws NoReplyException {
        ObjectNode reply = transports.get().call("options", JsonNodeFactory.instance.objectNode().put("name", watcher));
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : reply.path("options").properties()) {
            keys.add(e.getKey());
        }
        return keys;
    }
}
