package io.circus.console.ctl;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code shlex.split}, which Circus's interactive console uses on each line: words split on
 * blanks, single quotes literal, double quotes with backslash escapes, a backslash escaping the next
 * character outside quotes.
 */
final class Shlex {

    private Shlex() {
    }

    static List<String> split(String line) throws ArgumentException {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length() && "\\\"$`\n".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new ArgumentException("No closing quotation");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
