package io.circus.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last lines a watcher's processes wrote on one stream, kept in memory for consoles (the web
 * console's output view, {@code Watcher.tail} over JMX). Bounded: at most {@link #MAX_LINES} lines of
 * at most {@link #MAX_LINE} characters each; a longer line is cut into several.
 *
 * <p>Threading: {@link #append} and {@link #end} run on the launcher's I/O threads, possibly several
 * at once, and {@link #last} on any reader's; every method holds this object's lock briefly.
 */
public final class OutputTail {

    public static final int MAX_LINES = 200;
    public static final int MAX_LINE = 2000;

    private final ArrayDeque<String> lines = new ArrayDeque<>();
    /** Each process's line in progress, by pid. */
    private final Map<Long, StringBuilder> partial = new HashMap<>();

    /** Adds a chunk of a process's output; a multi-byte character split across chunks may show as U+FFFD. */
    public synchronized void append(long pid, byte[] chunk) {
        String text = new String(chunk, StandardCharsets.UTF_8);
        StringBuilder line = partial.computeIfAbsent(pid, p -> new StringBuilder());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                add(pid, line);
            } else if (c != '\r') {
                line.append(c);
                if (line.length() >= MAX_LINE) {
                    add(pid, line);
                }
            }
        }
        if (line.isEmpty()) {
            partial.remove(pid);
        }
    }

    /** The process's output ended: its unfinished line becomes a line. */
    public synchronized void end(long pid) {
        StringBuilder line = partial.remove(pid);
        if (line != null && !line.isEmpty()) {
            add(pid, line);
        }
    }

    /** The last {@code max} lines, oldest first, each as {@code [pid] text}. */
    public synchronized List<String> last(int max) {
        int skip = Math.max(0, lines.size() - Math.max(0, max));
        return lines.stream().skip(skip).toList();
    }

    private void add(long pid, StringBuilder line) {
        lines.addLast("[" + pid + "] " + line);
        line.setLength(0);
        if (lines.size() > MAX_LINES) {
            lines.removeFirst();
        }
    }
}
