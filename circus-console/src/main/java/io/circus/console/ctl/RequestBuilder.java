package io.circus.console.ctl;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Turns a command's positional arguments and options into the request properties, as each Circus
 * command's {@code message()} does, so that the daemon sees what Circus's circusctl would send —
 * including the flags Circus never sends ({@code rm --nostop}, {@code kill --waiting}). Two
 * deliberate differences: {@code kill}'s pid and {@code --graceful_timeout} travel as numbers (Circus
 * sends strings, which its own daemon then mis-compares), and {@code set env} takes
 * {@code K=V,K2=V2} (Circus crashes on it).
 *
 * <p>Stateless; safe from any thread.
 */
public final class RequestBuilder {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RequestBuilder() {
    }

    /** A request: the command name and its properties. */
    public record Request(String command, ObjectNode properties) {
    }

    /**
     * @param opts the command's options by long name, defaults filled in (flags as Boolean)
     * @throws ArgumentException with Circus's message when the arguments do not fit
     */
    public static Request build(String command, List<String> args, Map<String, Object> opts) throws ArgumentException {
        ObjectNode p = JSON.objectNode();
        int n = args.size();
        switch (command) {
            case "add" -> {
                if (n < 2) {
                    throw new ArgumentException("Invalid number of arguments");
                }
                p.put("name", args.getFirst());
                p.put("cmd", String.join(" ", args.subList(1, n)));
                p.put("start", flag(opts, "start"));
            }
            case "incr", "decr" -> {
                if (n < 1) {
                    throw new ArgumentException("Invalid number of arguments");
                }
                p.put("name", args.getFirst());
                if (n > 1) {
                    p.put("nb", toInt(args.get(1)));
                }
                p.put("waiting", flag(opts, "waiting"));
            }
            case "dstats", "ipython" -> none(n, "Invalid message");
            case "numwatchers" -> none(n, "Invalid number of arguments");
            case "listsockets" -> {
                // Circus ignores any argument here.
            }
            case "get" -> {
                if (n < 2) {
                    throw new ArgumentException("Invalid number of arguments");
                }
                p.put("name", args.getFirst());
                args.subList(1, n).forEach(p.putArray("keys")::add);
            }
            case "globaloptions" -> {
                if (n > 0) {
                    p.put("option", args.getFirst());
                }
            }
            case "kill" -> {
                if (n < 1 || n > 2) {
                    throw new ArgumentException("Invalid number of arguments");
                }
                p.put("name", args.getFirst());
                if (n > 1) {
                    p.put("pid", toInt(args.get(1)));
                }
                if (opts.get("signum") != null) {
                    p.put("signum", opts.get("signum").toString());
                }
                if (opts.get("graceful_timeout") != null) {
                    p.put("graceful_timeout", toFloat(opts.get("graceful_timeout").toString()));
                }
            }
            case "list", "status" -> optionalName(p, args, command.equals("list") ? "Invalid number of arguments" : "message invalid");
            case "numprocesses" -> optionalName(p, args, "message invalid");
            case "options" -> {
                if (n < 1) {
                    throw new ArgumentException("number of arguments invalid");
                }
                p.put("name", args.getFirst());
            }
            case "quit", "reloadconfig" -> p.put("waiting", flag(opts, "waiting"));
            case "reload" -> {
                if (n > 1) {
                    throw new ArgumentException("invalid number of arguments");
                }
                if (n == 1) {
                    p.put("name", args.getFirst());
                }
                p.put("graceful", !flag(opts, "terminate"));
                p.put("waiting", flag(opts, "waiting"));
                p.put("sequential", flag(opts, "sequential"));
            }
            case "start", "restart", "stop" -> {
                if (n > 1 && !command.equals("stop")) {
                    throw new ArgumentException("Invalid number of arguments");
                }
                if (n >= 1) {
                    p.put("name", args.getFirst());
                }
                p.put("waiting", flag(opts, "waiting"));
                p.put("match", String.valueOf(opts.getOrDefault("match", "glob")));
            }
            case "rm" -> {
                if (n != 1) {
                    throw new ArgumentException("Invalid number of arguments");
                }
                p.put("name", args.getFirst());
                p.put("nostop", flag(opts, "nostop"));
                p.put("waiting", flag(opts, "waiting"));
            }
            case "set" -> set(p, args, flag(opts, "waiting"));
            case "signal" -> {
                if (n < 2 || n > 3) {
                    throw new ArgumentException("Invalid number of arguments");
                }
                p.put("name", args.getFirst());
                p.put("children", flag(opts, "children"));
                p.put("recursive", flag(opts, "recursive"));
                p.put("signum", args.getLast());
                if (n == 3) {
                    p.put("pid", toInt(args.get(1)));
                }
            }
            case "stats" -> {
                if (n > 2) {
                    throw new ArgumentException("message invalid");
                }
                if (n >= 1) {
                    p.put("name", args.getFirst());
                }
                if (n == 2) {
                    p.put("process", toInt(args.get(1)));
                }
                p.put("extended", flag(opts, "extended"));
            }
            default -> throw new ArgumentException("unknown command: '" + command + "'");
        }
        return new Request(command, p);
    }

    private static void set(ObjectNode p, List<String> args, boolean waiting) throws ArgumentException {
        if (args.size() < 3) {
            throw new ArgumentException("Invalid number of arguments");
        }
        List<String> kv = args.subList(1, args.size());
        if (kv.size() % 2 != 0) {
            throw new ArgumentException("List of key/values is invalid");
        }
        p.put("name", args.getFirst());
        if (waiting) {
            p.put("waiting", true);
        }
        ObjectNode options = p.putObject("options");
        for (int i = 0; i < kv.size(); i += 2) {
            String key = kv.get(i).toLowerCase(java.util.Locale.ROOT);
            options.set(key, OptionConverter.convert(key, kv.get(i + 1)));
        }
    }

    private static void optionalName(ObjectNode p, List<String> args, String tooMany) throws ArgumentException {
        if (args.size() > 1) {
            throw new ArgumentException(tooMany);
        }
        if (args.size() == 1) {
            p.put("name", args.getFirst());
        }
    }

    private static void none(int n, String message) throws ArgumentException {
        if (n > 0) {
            throw new ArgumentException(message);
        }
    }

    private static boolean flag(Map<String, Object> opts, String name) {
        return Boolean.TRUE.equals(opts.get(name));
    }

    static int toInt(String s) throws ArgumentException {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new ArgumentException("invalid literal for int() with base 10: '" + s + "'");
        }
    }

    static double toFloat(String s) throws ArgumentException {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new ArgumentException("could not convert string to float: '" + s + "'");
        }
    }
}
