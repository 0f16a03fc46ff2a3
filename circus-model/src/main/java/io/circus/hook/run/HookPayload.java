package io.circus.hook.run;

import io.circus.hook.HookContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A hook's data for a command: environment variables and a JSON object with Circus's keyword-argument
 * names (docs/extending.md, "Writing a command hook").
 */
final class HookPayload {

    private HookPayload() {
    }

    /** {@code CIRCUS_HOOK}, {@code CIRCUS_WATCHER}, {@code CIRCUS_TIME}, and the values this hook point has. */
    static Map<String, String> environment(HookContext c) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CIRCUS_HOOK", c.hookName());
        env.put("CIRCUS_WATCHER", c.watcherName());
        env.put("CIRCUS_TIME", String.format(Locale.ROOT, "%.3f", c.time()));
        if (c.pid() != 0) {
            env.put("CIRCUS_PID", Long.toString(c.pid()));
        }
        if (c.signum() != 0) {
            env.put("CIRCUS_SIGNUM", Integer.toString(c.signum()));
        }
        if (c.exitCode() != null) {
            env.put("CIRCUS_EXIT_CODE", Integer.toString(c.exitCode()));
        }
        if (c.processStatus() != null) {
            env.put("CIRCUS_PROCESS_STATUS", c.processStatus());
        }
        return env;
    }

    /** The same data as one JSON object, keyed as Circus passes it to a Python hook. */
    static String json(HookContext c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hook_name", c.hookName());
        m.put("watcher", c.watcherName());
        m.put("time", c.time());
        boolean reap = c.hookName().endsWith("_reap");
        if (c.pid() != 0) {
            m.put(reap ? "process_pid" : "pid", c.pid());
        }
        if (c.signum() != 0) {
            m.put("signum", c.signum());
        }
        if (c.hookName().equals("after_reap")) {
            m.put("exit_code", c.exitCode());
            m.put("process_status", c.processStatus());
        }
        if (c.hookName().equals("extended_stats")) {
            m.put("stats", c.stats());
        }
        StringBuilder sb = new StringBuilder();
        write(sb, m);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object v) {
        switch (v) {
            case null -> sb.append("null");
            case Boolean b -> sb.append(b);
            case Double d when d.isNaN() || d.isInfinite() -> sb.append("null");
            case Float f when f.isNaN() || f.isInfinite() -> sb.append("null");
            case Number n -> sb.append(n);
            case Map<?, ?> map -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    sb.append(first ? "" : ", ");
                    first = false;
                    string(sb, String.valueOf(e.getKey()));
                    sb.append(": ");
                    write(sb, e.getValue());
                }
                sb.append('}');
            }
            case Collection<?> list -> {
                sb.append('[');
                boolean first = true;
                for (Object o : list) {
                    sb.append(first ? "" : ", ");
                    first = false;
                    write(sb, o);
                }
                sb.append(']');
            }
            default -> string(sb, v.toString());
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        sb.append('"');
    }
}
