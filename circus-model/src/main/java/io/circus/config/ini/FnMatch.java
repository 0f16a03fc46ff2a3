package io.circus.config.ini;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python's {@code fnmatch} patterns ({@code *}, {@code ?}, {@code [seq]}, {@code [!seq]}), case-sensitive
 * as on POSIX. Used for {@code [env:PATTERNS]} and, one path segment at a time, for include globs.
 */
final class FnMatch {

    private FnMatch() {
    }

    static boolean hasMagic(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    /**
     * Translates like {@code fnmatch.translate}; an unclosed {@code [} is a literal.
     *
     * @throws IllegalArgumentException for a character class Java cannot express, e.g. {@code [z-a]}
     */
    static Pattern compile(String pattern) {
        StringBuilder re = new StringBuilder();
        int n = pattern.length();
        int i = 0;
        while (i < n) {
            char c = pattern.charAt(i++);
            if (c == '*') {
                re.append(".*");
                while (i < n && pattern.charAt(i) == '*') {
                    i++;
                }
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && pattern.charAt(j) == '!') {
                    j++;
                }
                if (j < n && pattern.charAt(j) == ']') {
                    j++;
                }
                while (j < n && pattern.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    re.append("\\[");
                } else {
                    re.append(charClass(pattern.substring(i, j)));
                    i = j + 1;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        try {
            return Pattern.compile(re.toString(), Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid pattern '" + pattern + "': " + e.getDescription());
        }
    }

    private static String charClass(String body) {
        StringBuilder sb = new StringBuilder("[");
        int start = 0;
        if (body.startsWith("!")) {
            sb.append('^');
            start = 1;
        }
        for (int k = start; k < body.length(); k++) {
            char c = body.charAt(k);
            // '-' keeps its range meaning; everything else Java treats specially inside [] is escaped.
            if (c == '\\' || c == '[' || c == ']' || c == '&' || (c == '^' && k == start)) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append(']').toString();
    }
}
