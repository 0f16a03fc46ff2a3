package io.circus.console.ctl;

import java.util.List;
import java.util.Optional;

/**
 * One circusctl command as the console knows it: its name, the one-line summary {@code --help}
 * lists (Circus's wording), its usage, its own options and a longer description for
 * {@code help COMMAND}.
 *
 * @param name        the wire name, e.g. {@code list}
 * @param summary     Circus's short help line
 * @param usage       the argument synopsis after the name
 * @param options     the command's own {@code --options}
 * @param description what it does, what it prints; several lines
 * @param arguments   what each positional argument completes to, in order; the last repeats
 */
public record CommandSpec(String name, String summary, String usage, List<OptionSpec> options, String description,
                          List<Arg> arguments) {

    public CommandSpec {
        options = List.copyOf(options);
        arguments = List.copyOf(arguments);
    }

    public Optional<OptionSpec> option(String longName) {
        return options.stream().filter(o -> o.name().equals(longName)).findFirst();
    }

    /** The text of {@code help COMMAND} and {@code --help COMMAND}. */
    public String helpText() {
        StringBuilder sb = new StringBuilder();
        sb.append(summary).append('\n').append("=".repeat(summary.length())).append("\n\n");
        sb.append("usage: circusctl ").append(name).append(usage.isEmpty() ? "" : " " + usage).append("\n\n");
        sb.append(description.strip()).append('\n');
        if (!options.isEmpty()) {
            sb.append("\noptions:\n");
            for (OptionSpec o : options) {
                String left = "--" + o.name() + (o.takesValue() ? " " + o.name().toUpperCase(java.util.Locale.ROOT) : "");
                sb.append(String.format("  %-24s %s%n", left, o.help()));
            }
        }
        return sb.toString();
    }

    /**
     * One {@code --option} of a command.
     *
     * @param takesValue false for a flag ({@code --waiting}), true for {@code --signum SIG}
     * @param defaultValue the value when absent: false for flags, else a string or null
     */
    public record OptionSpec(String name, boolean takesValue, Object defaultValue, String help) {

        static OptionSpec flag(String name, String help) {
            return new OptionSpec(name, false, false, help);
        }

        static OptionSpec value(String name, Object defaultValue, String help) {
            return new OptionSpec(name, true, defaultValue, help);
        }
    }

    /** What a positional argument is, for completion. */
    public enum Arg { WATCHER, PID, OPTION_KEY, OPTION_VALUE, SIGNAL, GLOBAL_OPTION, TOPIC, COMMAND, FREE }
}
