package io.circus.jmx.internal;

import io.circus.runtime.Arbiter;
import io.circus.runtime.Watcher;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Circus's watcher look-ups: by exact name (any case), or by a {@code simple}, {@code glob} or
 * {@code regex} pattern as {@code start}/{@code stop}/{@code restart} accept. Errors carry Circus's
 * messages ({@code program x not found}, {@code unknown match method y}).
 *
 * <p>One conscious fix: Circus lower-cases a regex before compiling it, turning {@code \W} into
 * {@code \w}; we match case-insensitively instead.
 */
final class WatcherSelector {

    private WatcherSelector() {
    }

    /** The watcher with this name, any case. */
    static Watcher require(Arbiter arbiter, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("message invalid 'name' is missing");
        }
        return arbiter.watcher(name).orElseThrow(() -> new IllegalArgumentException("program " + name + " not found"));
    }

    /** The watchers a pattern selects, in start order; every watcher for an empty pattern. */
    static List<Watcher> select(Arbiter arbiter, String name, String match) {
        List<Watcher> all = arbiter.watchers();
        if (name == null || name.isEmpty()) {
            return all;
        }
        String method = match == null || match.isBlank() ? "glob" : match.strip().toLowerCase(Locale.ROOT);
        Pattern pattern = switch (method) {
            case "simple" -> Pattern.compile(Pattern.quote(name), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            case "glob" -> Pattern.compile(glob(name), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            case "regex" -> regex(name);
            default -> throw new IllegalArgumentException("unknown match method " + match);
        };
        boolean anchoredAtStartOnly = method.equals("regex");
        List<Watcher> selected = all.stream().filter(w -> anchoredAtStartOnly
                ? pattern.matcher(w.name()).lookingAt() : pattern.matcher(w.name()).matches()).toList();
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("program " + name + " not found");
        }
        return selected;
    }

    private static Pattern regex(String name) {
        try {
            return Pattern.compile(name, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regex '" + name + "': " + e.getDescription());
        }
    }

    /** Python's fnmatch.translate: * ? [seq] [!seq]; everything else literal. */
    static String glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        re.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, close).replace("\\", "\\\\");
                        re.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                        i = close;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
