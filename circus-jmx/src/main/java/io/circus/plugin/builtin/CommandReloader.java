package io.circus.plugin.builtin;

import io.circus.jmx.WatcherMXBean;
import io.circus.plugin.Plugin;
import io.circus.plugin.PluginAction;
import io.circus.plugin.PluginContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;

/**
 * {@code circus.plugins.command_reloader.CommandReloader}: every {@code loop_rate} seconds (1) looks
 * at the program each watcher runs and restarts the watcher when the program was rewritten, replaced
 * ({@code mv}, new inode) or its symbolic link now leads elsewhere. The program is {@code executable}
 * when set, else the first word of {@code cmd}, found on the watcher's PATH: a {@code cmd} with
 * arguments works, unlike Circus, which stats the whole string. A watcher seen for the first time is
 * only recorded; a stopped one is recorded without being started; a program that cannot be found is
 * reported once (LastError) and the other watchers are still looked at.
 *
 * <p>Threading: called on the plugin's thread only.
 */
public final class CommandReloader implements Plugin {

    private PluginContext context;
    private final Map<String, ExecutableProbe.Fingerprint> known = new HashMap<>();
    private final Map<String, String> reported = new HashMap<>();

    @Override
    public void start(PluginContext context) {
        this.context = context;
        context.scheduleEvery(StatsdOptions.loopRate(context.options(), 1), this::lookAfter);
    }

    private void lookAfter() {
        HashSet<String> present = new HashSet<>();
        for (String name : context.watcherNames()) {
            present.add(name);
            context.watcher(name).ifPresent(w -> look(name, w));
        }
        known.keySet().retainAll(present);
        reported.keySet().retainAll(present);
    }

    private void look(String name, WatcherMXBean watcher) {
        context.checked();
        ExecutableProbe.Fingerprint now;
        try {
            now = ExecutableProbe.fingerprint(program(watcher));
        } catch (IOException | RuntimeException e) {
            String message = "watcher " + name + ": " + e.getMessage();
            if (!message.equals(reported.put(name, message))) {
                context.failed(message, e);
            }
            return;
        }
        reported.remove(name);
        ExecutableProbe.Fingerprint before = known.put(name, now);
        if (before == null || !now.changedSince(before)) {
            return;
        }
        if (!"active".equals(watcher.getState())) {
            context.log().info("{} changed; watcher {} is {}, not restarted", now.realPath(), name, watcher.getState());
            return;
        }
        watcher.restart(false);
        context.acted(name, PluginAction.RESTART, now.realPath() + " changed; restarted " + name);
    }

    private static Path program(WatcherMXBean watcher) throws IOException {
        Map<String, Object> options = watcher.get(new String[] {"cmd", "executable", "working_dir", "env"}).asMap();
        String path = null;
        if (options.get("env") instanceof Map<?, ?> env && env.get("PATH") != null) {
            path = String.valueOf(env.get("PATH"));
        }
        if (path == null) {
            path = System.getenv("PATH");
        }
        return ExecutableProbe.program(Objects.toString(options.get("cmd"), ""), text(options.get("executable")),
                text(options.get("working_dir")), path);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
