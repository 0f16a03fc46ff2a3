package io.circus.runtime.core;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spawn-time substitution of {@code $(circus.X)} and {@code ((circus.X))}: case-insensitive keys,
 * unknown references left as written (as Circus does).
 */
final class References {

    private static final Pattern REF =
            Pattern.compile("\\$\\(circus\\.([\\w.-]+)\\)|\\(\\(circus\\.([\\w.-]+)\\)\\)", Pattern.CASE_INSENSITIVE);

    private References() {
    }

    /** @param values lower-case keys without the {@code circus.} prefix, e.g. {@code wid}, {@code env.home} */
    static String substitute(String text, Map<String, String> values) {
        if (text == null || text.indexOf("circus.") < 0 && text.toLowerCase(Locale.ROOT).indexOf("circus.") < 0) {
            return text;
        }
        Matcher m = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
            String value = values.get(key);
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
