package io.circus.hook;

import io.circus.config.ShellWords;
import java.util.List;
import java.util.regex.Pattern;

/** The grammar of {@link HookTarget}. */
final class HookTargetParser {

    static final String JAVA = "java:";
    static final String EXEC = "exec:";
    private static final Pattern IDENT = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*");
    private static final Pattern CLASS = Pattern.compile(IDENT + "(\\." + IDENT + ")*(\\$" + IDENT + ")*");
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][\\w.]*([.:][A-Za-z_]\\w*)");

    private HookTargetParser() {
    }

    static HookTarget parse(String target) {
        String t = target == null ? "" : target.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("expected a hook target: java:com.example.MyHook, "
                    + "java:com.example.Hooks#method or exec:/path/to/program [args]");
        }
        if (t.startsWith(JAVA)) {
            return java(t, t.substring(JAVA.length()).strip());
        }
        if (t.startsWith(EXEC) || t.startsWith("/")) {
            String command = t.startsWith(EXEC) ? t.substring(EXEC.length()).strip() : t;
            List<String> argv = ShellWords.split(command);
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("'" + t + "' names no program (expected exec:/path/to/program [args])");
            }
            return new HookTarget.Command(t, argv);
        }
        if (DOTTED.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + t + "' is a Python hook (Circus's module.function form), which "
                    + "Circus for the JVM cannot run; write java:com.example.MyHook (a class implementing "
                    + "io.circus.hook.Hook), java:com.example.Hooks#" + lastName(t) + " (a public static method), "
                    + "or exec:/path/to/program (a command); see docs/extending.md");
        }
        throw new IllegalArgumentException("'" + t + "' is not a hook target (expected java:com.example.MyHook, "
                + "java:com.example.Hooks#method or exec:/path/to/program [args])");
    }

    private static HookTarget java(String text, String spec) {
        int hash = spec.indexOf('#');
        String className = (hash < 0 ? spec : spec.substring(0, hash)).strip();
        if (!CLASS.matcher(className).matches()) {
            throw new IllegalArgumentException("'" + text + "': '" + className + "' is not a Java class name "
                    + "(expected java:com.example.MyHook or java:com.example.Hooks#method)");
        }
        if (hash < 0) {
            return new HookTarget.JavaClass(text, className);
        }
        String method = spec.substring(hash + 1).strip();
        if (!IDENT.matcher(method).matches()) {
            throw new IllegalArgumentException("'" + text + "': '" + method + "' is not a Java method name");
        }
        return new HookTarget.JavaMethod(text, className, method);
    }

    private static String lastName(String dotted) {
        String[] parts = dotted.split("[.:]");
        return parts[parts.length - 1];
    }
}
