package io.circus.config.ini;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known name an unknown one was probably meant to be: the same name in another case, or
 * one within two edits. Keys are case-sensitive in Circus, so {@code NumProcesses} silently becomes a
 * free-form option; a warning saves the hours it takes to notice.
 */
final class SpellingAdvisor {

    private static final int MAX_DISTANCE = 2;

    private SpellingAdvisor() {
    }

    /** The closest known name (alphabetically first on a tie), if {@code name} differs from it only in case or by at most two edits. */
    static Optional<String> suggest(String name, Collection<String> known) {
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        // Sorted, so that of two equally close names the same one is always suggested.
        for (String k : known.stream().sorted().toList()) {
            if (k.toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of(k);
            }
            // Short names are all within two edits of each other; only suggest when most of it matches.
            int limit = Math.min(MAX_DISTANCE, Math.max(k.length(), name.length()) / 3);
            int d = distance(lower, k.toLowerCase(Locale.ROOT), limit);
            if (d <= limit && d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code "; did you mean 'x'?"} for a likely misspelling, else an empty string. */
    static String hint(String name, Collection<String> known) {
        return suggest(name, known).map(s -> s.equalsIgnoreCase(name)
                ? "; names are case-sensitive, did you mean '" + s + "'?"
                : "; did you mean '" + s + "'?").orElse("");
    }

    /** Levenshtein distance, giving up (returning limit + 1) once it cannot be within the limit. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
