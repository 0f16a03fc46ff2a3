package io.circus.config.ini;

import io.circus.config.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a file into section headers and options with the line rules of Circus's
 * {@code StrictConfigParser._read}, which ini4j's own line reader does not follow (it treats indented
 * lines as new entries, has no inline comments, joins lines ending in a backslash and reads
 * {@code k: a=b} wrongly). {@link IniFileParser} hands the result to ini4j in a form it reads exactly.
 *
 * <p>The rules: blank lines and lines starting with {@code #} or {@code ;} in column 0 are skipped, as
 * are lines whose first word is {@code rem}; a line starting with whitespace continues the previous
 * value (pieces stripped, empty ones dropped, joined with {@code \n}); {@code [name]} opens a section
 * (text between the first {@code [} and the last {@code ]}); otherwise the first {@code =} or
 * {@code :} splits key from value; a {@code ;} is an inline comment only when whitespace precedes it;
 * a value of exactly {@code ""} is the empty string.
 */
final class IniLexer {

    sealed interface Token permits Header, Option {
        int line();
    }

    record Header(String name, int line) implements Token {
    }

    record Option(String key, String value, int line) implements Token {
    }

    /** An indented line joined to a value although it reads like {@code key = value}. */
    record Suspect(int line, String section, String joinedTo, String key) {
    }

    record Result(List<Token> tokens, List<Suspect> suspects) {
    }

    private static final Pattern LOOKS_LIKE_OPTION = Pattern.compile("([A-Za-z_][\\w.]*)\\s*[=:].*");

    private IniLexer() {
    }

    static Result lex(Path file, String text) throws ConfigException {
        List<Token> tokens = new ArrayList<>();
        List<Suspect> suspects = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        String section = null;
        String key = null;
        List<String> pieces = null;
        int optionLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[0].startsWith("\uFEFF") ? lines[0].substring(1) : lines[i];
            int number = i + 1;
            if (line.isBlank() || line.charAt(0) == '#' || line.charAt(0) == ';' || isRemark(line)) {
                continue;
            }
            if (isSpace(line.charAt(0)) && key != null) {
                String piece = line.strip();
                if (!piece.isEmpty()) {
                    pieces.add(piece);
                    Matcher m = LOOKS_LIKE_OPTION.matcher(piece);
                    if (m.matches()) {
                        suspects.add(new Suspect(number, section, key, m.group(1)));
                    }
                }
                continue;
            }
            if (key != null) {
                tokens.add(new Option(key, String.join("\n", pieces), optionLine));
                key = null;
            }
            int close = line.lastIndexOf(']');
            if (line.charAt(0) == '[' && close >= 2) {
                // Trimmed, unlike Circus: "[watcher:web ]" names the watcher "web".
                section = line.substring(1, close).strip();
                if (section.isEmpty()) {
                    bad.add("line " + number + ": '" + line + "' (empty section name)");
                } else {
                    tokens.add(new Header(section, number));
                }
                continue;
            }
            if (section == null) {
                throw new ConfigException(file, null, null, null, "line " + number + ": '" + line
                        + "' comes before any [section] header");
            }
            int delimiter = firstDelimiter(line);
            String name = delimiter < 0 ? "" : line.substring(0, delimiter).strip();
            if (name.isEmpty()) {
                bad.add("line " + number + ": '" + line + "'");
                continue;
            }
            key = name;
            optionLine = number;
            pieces = new ArrayList<>();
            pieces.add(value(line.substring(delimiter + 1)));
        }
        if (key != null) {
            tokens.add(new Option(key, String.join("\n", pieces), optionLine));
        }
        if (!bad.isEmpty()) {
            throw new ConfigException(file, null, null, null, "cannot parse " + String.join(", ", bad)
                    + " (expected [section], key = value or key: value)");
        }
        return new Result(List.copyOf(tokens), List.copyOf(suspects));
    }

    private static String value(String raw) {
        String v = raw.stripLeading();
        int semicolon = v.indexOf(';');
        if (semicolon >= 0) {
            // Python's optval[pos - 1]: at position 0 that is the last character.
            char before = v.charAt(semicolon == 0 ? v.length() - 1 : semicolon - 1);
            if (isSpace(before)) {
                v = v.substring(0, semicolon);
            }
        }
        v = v.strip();
        return v.equals("\"\"") ? "" : v;
    }

    private static int firstDelimiter(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static boolean isRemark(String line) {
        char c = line.charAt(0);
        if (c != 'r' && c != 'R') {
            return false;
        }
        String first = line.strip().split("\\s+", 2)[0];
        return first.equalsIgnoreCase("rem");
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
