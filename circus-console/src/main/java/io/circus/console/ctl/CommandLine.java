package io.circus.console.ctl;

import io.circus.console.ctl.CommandSpec.OptionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words after a command name, split as argparse does for Circus's subcommands: {@code --flag},
 * {@code --key value} and {@code --key=value} anywhere, {@code --} ending the options, the rest
 * positional.
 *
 * @param positional the positional arguments, in order
 * @param options    every option of the command by long name, defaults filled in
 * @param help       {@code --help} was given
 */
public record CommandLine(CommandSpec spec, List<String> positional, Map<String, Object> options, boolean help) {

    public static CommandLine parse(CommandSpec spec, List<String> words, boolean globalWaiting) throws UsageException {
        String usage = "usage: circusctl " + spec.name() + (spec.usage().isEmpty() ? "" : " " + spec.usage());
        Map<String, Object> options = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            options.put(o.name(), o.defaultValue());
        }
        if (globalWaiting && options.containsKey("waiting")) {
            options.put("waiting", true);
        }
        List<String> positional = new ArrayList<>();
        boolean help = false;
        boolean optionsDone = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (optionsDone || !w.startsWith("--") || w.length() == 2) {
                if (w.equals("--") && !optionsDone) {
                    optionsDone = true;
                } else {
                    positional.add(w);
                }
                continue;
            }
            int eq = w.indexOf('=');
            String name = w.substring(2, eq > 0 ? eq : w.length());
            if (name.equals("help")) {
                help = true;
                continue;
            }
            OptionSpec o = spec.option(name).orElse(null);
            if (o == null) {
                throw new UsageException(usage, "unrecognized arguments: " + w);
            }
            if (!o.takesValue()) {
                if (eq > 0) {
                    throw new UsageException(usage, "argument --" + name + ": ignored explicit argument '"
                            + w.substring(eq + 1) + "'");
                }
                options.put(name, true);
            } else if (eq > 0) {
                options.put(name, w.substring(eq + 1));
            } else if (i + 1 < words.size()) {
                options.put(name, words.get(++i));
            } else {
                throw new UsageException(usage, "argument --" + name + ": expected one argument");
            }
        }
        return new CommandLine(spec, positional, options, help);
    }
}
