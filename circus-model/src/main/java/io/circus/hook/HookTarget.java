package io.circus.hook;

import java.util.List;

/**
 * What {@code hooks.<name> = TARGET[, ignore_failure]} names. Three forms:
 * <ul>
 *   <li>{@code java:com.example.MyHook}: a public class implementing {@link Hook};</li>
 *   <li>{@code java:com.example.Hooks#beforeStart}: a public static method taking a {@link HookContext}
 *       and returning {@code boolean} (or {@code Boolean}, null counting as false);</li>
 *   <li>{@code exec:/path/to/program arg...}, or just {@code /path/to/program arg...}: a command, split
 *       into words as a shell would (quotes, no expansion); its exit status is the result.</li>
 * </ul>
 * Circus's Python dotted names ({@code mymodule.myhook}, {@code mymodule:myhook}) are refused with the
 * forms to write instead.
 */
public sealed interface HookTarget {

    /** The target as written (after {@code hooks.x =} and before the flag), for messages. */
    String text();

    /** A class implementing {@link Hook}. */
    record JavaClass(String text, String className) implements HookTarget {
    }

    /** A public static method of a class. */
    record JavaMethod(String text, String className, String methodName) implements HookTarget {
    }

    /** A program and its arguments. */
    record Command(String text, List<String> argv) implements HookTarget {
        public Command {
            argv = List.copyOf(argv);
        }
    }

    /**
     * Parses a target.
     *
     * @throws IllegalArgumentException saying what is wrong and what to write
     */
    static HookTarget parse(String target) {
        return HookTargetParser.parse(target);
    }
}
