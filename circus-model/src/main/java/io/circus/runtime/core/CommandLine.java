package io.circus.runtime.core;

import io.circus.config.WatcherConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a child's argv from its watcher's definition, after substituting {@code $(circus.wid)},
 * {@code $(circus.env.NAME)}, {@code $(circus.sockets.NAME)} and watcher option names.
 *
 * <p>With {@code shell = true} the command goes to {@code /bin/sh -c} exactly as written (cmd, then
 * args), so redirections and {@code &&} work: Circus re-quotes every word and breaks them.
 */
final class CommandLine {

    private CommandLine() {
    }

    static List<String> argv(WatcherConfig config, int wid, Map<String, String> env, Map<String, Integer> socketFds) {
        Map<String, String> values = values(config, wid, env, socketFds);
        String cmd = References.substitute(config.cmd(), values);
        String args = References.substitute(config.args(), values);
        List<String> argv = new ArrayList<>();
        if (config.shell()) {
            argv.add("/bin/sh");
            argv.add("-c");
            argv.add(args == null || args.isBlank() ? cmd : cmd + " " + args);
            if (config.shellArgs() != null) {
                argv.addAll(ShellWords.split(References.substitute(config.shellArgs(), values)));
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

    private static Map<String, String> values(WatcherConfig c, int wid, Map<String, String> env,
                                              Map<String, Integer> socketFds) {
        Map<String, String> values = new HashMap<>();
        c.extra().forEach((k, v) -> values.put(k.toLowerCase(Locale.ROOT), v));
        values.put("wid", Integer.toString(wid));
        values.put("name", c.name());
        values.put("numprocesses", Integer.toString(c.numProcesses()));
        values.put("shell", Boolean.toString(c.shell()));
        values.put("graceful_timeout", Double.toString(c.gracefulTimeout().toMillis() / 1000.0));
        values.put("max_retry", Integer.toString(c.maxRetry()));
        values.put("priority", Integer.toString(c.priority()));
        if (c.workingDir() != null) {
            values.put("working_dir", c.workingDir());
        }
        env.forEach((k, v) -> values.put("env." + k.toLowerCase(Locale.ROOT), v));
        socketFds.forEach((k, v) -> values.put("sockets." + k.toLowerCase(Locale.ROOT), Integer.toString(v)));
        return values;
    }
}
