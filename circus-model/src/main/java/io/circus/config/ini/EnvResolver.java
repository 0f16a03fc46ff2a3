package io.circus.config.ini;

import io.circus.config.ConfigException;
import io.circus.config.VariableSubstitutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment sections. {@code [env]} values get {@code $(circus.env.X)} from the daemon's
 * environment; {@code [env:PATTERNS]} values get none; both then get Circus's {@code $NAME} expansion
 * (upper-case names only, from the daemon's environment, unset meaning empty) and are stripped. A
 * watcher's own variables are {@code [env]} plus every matching {@code [env:...]} section in file order,
 * later sections overriding earlier ones. {@code [DEFAULT]} is deliberately not merged in.
 */
final class EnvResolver {

    private static final Pattern DOLLAR_NAME = Pattern.compile("\\$([A-Z]+[A-Z0-9_]*)");

    private record PatternSection(String section, Path file, List<String> patterns, List<Pattern> compiled,
                                  Map<String, String> values) {
    }

    private final Map<String, String> daemon;
    private final Map<String, String> global = new LinkedHashMap<>();
    private final List<PatternSection> sections = new ArrayList<>();
    private final Set<String> matched = new LinkedHashSet<>();

    EnvResolver(IniDocument doc, Map<String, String> daemon) throws ConfigException {
        this.daemon = daemon;
        doc.own("env").forEach((k, e) ->
                global.put(k, expand(VariableSubstitutor.substituteEnv(e.value(), daemon), daemon)));
        for (String name : doc.sectionNames()) {
            if (!name.startsWith("env:")) {
                continue;
            }
            List<String> patterns = new ArrayList<>();
            List<Pattern> compiled = new ArrayList<>();
            for (String p : name.substring(4).split(",", -1)) {
                patterns.add(p.strip());
                try {
                    compiled.add(FnMatch.compile(p.strip()));
                } catch (IllegalArgumentException ex) {
                    throw new ConfigException(doc.fileOf(name), name, null, null, ex.getMessage());
                }
            }
            Map<String, String> values = new LinkedHashMap<>();
            doc.own(name).forEach((k, e) -> values.put(k, expand(e.value(), daemon)));
            sections.add(new PatternSection(name, doc.fileOf(name), patterns, compiled, values));
        }
    }

    /** {@code [env]}, substituted and expanded. */
    Map<String, String> global() {
        return global;
    }

    /** What {@code $(circus.env.X)} sees in {@code [circus]}, sockets and plugins: daemon env, then {@code [env]}. */
    Map<String, String> substitutionBase() {
        Map<String, String> env = new LinkedHashMap<>(daemon);
        env.putAll(global);
        return env;
    }

    /** The variables the configuration gives this watcher: {@code [env]} then the matching sections. */
    Map<String, String> forWatcher(String watcher) {
        Map<String, String> env = new LinkedHashMap<>(global);
        for (PatternSection s : sections) {
            for (int i = 0; i < s.compiled().size(); i++) {
                if (s.compiled().get(i).matcher(watcher).matches()) {
                    env.putAll(s.values());
                    matched.add(s.section() + "\u0000" + s.patterns().get(i));
                }
            }
        }
        return env;
    }

    /** Warns about patterns that matched no watcher: usually a misspelt watcher name. */
    void warnUnmatched(Warnings warnings) {
        for (PatternSection s : sections) {
            for (String p : s.patterns()) {
                if (!matched.contains(s.section() + "\u0000" + p)) {
                    warnings.add(s.file(), s.section(), null, "pattern '" + p + "' matches no watcher");
                }
            }
        }
    }

    /** Circus's {@code parse_env_dict} for one value: {@code $NAME} from the daemon env, then strip. */
    static String expand(String value, Map<String, String> daemon) {
        Matcher m = DOLLAR_NAME.matcher(value);
        return m.replaceAll(r -> Matcher.quoteReplacement(daemon.getOrDefault(r.group(1), ""))).strip();
    }
}
