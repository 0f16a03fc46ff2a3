package io.circus.runtime.core;

import io.circus.config.ShellWords;
import io.circus.config.VariableSubstitutor;
import io.circus.config.WatcherConfig;
import io.circus.config.WatcherOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a child's argv from its watcher's definition, after substituting {@code $(circus.wid)},
 * {@code $(circus.env.NAME)}, {@code $(circus.sockets.NAME)} and watcher option names.
 *
 * <p>With {@code shell = true} the command goes to {@code /bin/sh -c} exactly as written (cmd, then
 * args), so redirections and {@code &&} work: Circus re-quotes every word and breaks them.
 */
final class ArgvExpander {

    private ArgvExpander() {
    }

    static List<String> argv(WatcherConfig config, int wid, Map<String, String> env, Map<String, Integer> socketFds) {
        // Building the substitution table costs more than the spawn itself needs when nothing refers to it.
        boolean refers = refers(config.cmd()) || refers(config.args()) || refers(config.shellArgs());
        Map<String, Object> values = refers ? values(config, wid, env, socketFds) : Map.of();
        String cmd = refers ? VariableSubstitutor.substitute(config.cmd(), values) : config.cmd();
        String args = refers ? VariableSubstitutor.substitute(config.args(), values) : config.args();
        List<String> argv = new ArrayList<>();
        if (config.shell()) {
            argv.add("/bin/sh");
            argv.add("-c");
            argv.add(args == null || args.isBlank() ? cmd : cmd + " " + args);
            if (config.shellArgs() != null) {
                argv.addAll(ShellWords.split(refers ? VariableSubstitutor.substitute(config.shellArgs(), values)
                        : config.shellArgs()));
            }
        } else {
            argv.addAll(ShellWords.split(cmd));
            argv.addAll(ShellWords.split(args));
        }
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("watcher '" + config.name() + "': cmd is empty");
        }
        return argv;
    }

    private static boolean refers(String text) {
        return text != null && text.toLowerCase(java.util.Locale.ROOT).contains("circus.");
    }

    /** What Circus substitutes at spawn: every watcher option, plus wid, env and sockets. */
    private static Map<String, Object> values(WatcherConfig c, int wid, Map<String, String> env,
                                              Map<String, Integer> socketFds) {
        Map<String, Object> values = new HashMap<>(WatcherOptions.toOptions(c));
        c.extra().forEach(values::putIfAbsent);
        values.put("wid", wid);
        values.put("env", env);
        values.put("sockets", socketFds);
        return values;
    }
}
