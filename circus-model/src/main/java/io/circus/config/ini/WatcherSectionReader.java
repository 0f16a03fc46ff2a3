package io.circus.config.ini;

import io.circus.config.ConfigException;
import io.circus.config.InvalidOptionException;
import io.circus.config.StreamConfig;
import io.circus.config.VariableSubstitutor;
import io.circus.config.WatcherConfig;
import io.circus.config.WatcherOptions;
import io.circus.stream.LogStreams;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code [watcher:NAME]} section. Each value is substituted with the daemon's environment, then
 * {@code [env]}, then the watcher's {@code [env:...]} sections (the most specific wins), and converted
 * by {@link WatcherOptions}; keys that are not options are kept as free-form options, as Circus keeps
 * them, with a warning when they look like a misspelt option.
 */
final class WatcherSectionReader {

    static final String PREFIX = "watcher:";

    private static final List<String> PREFIXES = List.of("hooks", "stdout_stream", "stderr_stream");
    /** The sub-key {@link io.circus.stream.StreamOptions#invalid} names. */
    private static final Pattern STREAM_KEY = Pattern.compile("invalid stream option (\\S+) = ");

    private WatcherSectionReader() {
    }

    static WatcherConfig read(IniDocument doc, String section, EnvResolver envs, Map<String, String> daemon,
                              Set<String> sockets, Warnings warnings) throws ConfigException {
        Path file = doc.fileOf(section);
        Map<String, IniEntry> items = doc.items(section);
        String name = section.substring(PREFIX.length()).strip();
        IniEntry nameEntry = items.get("name");
        if (nameEntry != null) {
            // Circus lets a name key override the section's; it is never substituted.
            name = nameEntry.value().strip();
        }
        if (name.isEmpty()) {
            throw new ConfigException(file, section, nameEntry == null ? null : "name", null,
                    "the watcher has no name");
        }
        Map<String, String> variables = envs.forWatcher(name);
        Map<String, String> lookup = new LinkedHashMap<>(daemon);
        lookup.putAll(variables);
        WatcherConfig c = WatcherConfig.builder(name, "").build();
        for (Map.Entry<String, IniEntry> item : items.entrySet()) {
            String key = item.getKey();
            IniEntry e = item.getValue();
            if (key.equals("name")) {
                continue;
            }
            if (key.equals("env")) {
                warnings.add(section, key, e, "ignored, as in Circus; set variables in [env:" + name + "]");
                continue;
            }
            String v = VariableSubstitutor.substituteEnv(e.value(), lookup);
            if (WatcherOptions.isKnown(key)) {
                try {
                    c = WatcherOptions.apply(c, key, v);
                } catch (InvalidOptionException ex) {
                    throw e.error(section, key, v, ex.problem());
                }
            } else {
                c = c.toBuilder().extra(key, v).build();
                String hint = hint(key);
                if (!hint.isEmpty()) {
                    warnings.add(section, key, e, "not a watcher option, kept as a free-form option" + hint);
                }
            }
        }
        try {
            WatcherOptions.validate(c);
        } catch (InvalidOptionException ex) {
            IniEntry e = items.get(ex.key());
            if (e == null && ex.key().equals("cmd")) {
                throw new ConfigException(file, section, null, null, "the section has no cmd: a watcher needs a command");
            }
            throw e != null ? e.error(section, ex.key(), ex.value(), ex.problem())
                    : new ConfigException(file, section, ex.key(), ex.value(), ex.problem());
        }
        checkStream(items, file, section, "stdout_stream", c.stdoutStream());
        checkStream(items, file, section, "stderr_stream", c.stderrStream());
        if (c.stdinSocket() != null && !sockets.contains(c.stdinSocket())) {
            throw items.get("stdin_socket").error(section, "stdin_socket", c.stdinSocket(),
                    "no [socket:" + c.stdinSocket() + "] section defines that socket");
        }
        if (c.shellArgs() != null && !c.shell()) {
            warnings.add(section, "shell_args", items.get("shell_args"), "ignored because shell is false");
        }
        if (c.numProcesses() == 0 && !c.singleton()) {
            warnings.add(file, section, "numprocesses", "0: the watcher will not start any process");
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (c.copyEnv()) {
            env.putAll(daemon);
        }
        env.putAll(variables);
        return c.toBuilder().env(env).build();
    }

    /**
     * A stream the daemon could not open (unknown class, bad option) is a load error on the line
     * that names it, not a start-up failure naming only the watcher.
     */
    private static void checkStream(Map<String, IniEntry> items, Path file, String section, String name,
                                    StreamConfig stream) throws ConfigException {
        try {
            LogStreams.validate(stream);
        } catch (IllegalArgumentException e) {
            String problem = e.getMessage();
            Matcher m = STREAM_KEY.matcher(problem);
            String key = name + "." + (m.lookingAt() ? m.group(1) : "class");
            Map.Entry<String, IniEntry> written = items.entrySet().stream()
                    .filter(i -> i.getKey().equalsIgnoreCase(key)).findFirst().orElse(null);
            throw written != null ? written.getValue().error(section, written.getKey(), written.getValue().value(), problem)
                    : new ConfigException(file, section, key, null, problem);
        }
    }

    /** A likely intended option for an unknown key, including {@code stdout_steam.x} style prefixes. */
    private static String hint(String key) {
        String hint = SpellingAdvisor.hint(key, WatcherOptions.knownKeys());
        int dot = key.indexOf('.');
        if (hint.isEmpty() && dot > 0) {
            String head = key.substring(0, dot);
            hint = SpellingAdvisor.suggest(head, PREFIXES)
                    .map(p -> "; did you mean '" + p + key.substring(dot) + "'?").orElse("");
        }
        return hint;
    }
}
