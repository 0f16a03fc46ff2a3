package io.circus.config.ini;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Python's {@code glob.glob} (not recursive) for an absolute pattern: each segment with {@code *},
 * {@code ?} or {@code [} is matched against directory entries, names starting with a dot only when the
 * segment does too. Unlike Python, matches are sorted, so the precedence between included files does
 * not depend on the order the file system lists them in.
 */
final class PathGlob {

    /**
     * @param files       the regular files matched, sorted segment by segment
     * @param missingBase the directory before the first wildcard when it does not exist, else null
     */
    record Result(List<Path> files, Path missingBase) {
    }

    private PathGlob() {
    }

    static Result glob(Path pattern) throws IOException {
        Path base = pattern.getRoot();
        int count = pattern.getNameCount();
        int first = 0;
        while (first < count && !FnMatch.hasMagic(pattern.getName(first).toString())) {
            base = base.resolve(pattern.getName(first).toString());
            first++;
        }
        if (first == count) {
            return new Result(Files.isRegularFile(base) ? List.of(base) : List.of(), null);
        }
        if (!Files.isDirectory(base)) {
            return new Result(List.of(), base);
        }
        List<Path> current = List.of(base);
        for (int i = first; i < count; i++) {
            String segment = pattern.getName(i).toString();
            List<Path> next = new ArrayList<>();
            for (Path dir : current) {
                if (FnMatch.hasMagic(segment)) {
                    next.addAll(matching(dir, segment));
                } else if (Files.exists(dir.resolve(segment))) {
                    next.add(dir.resolve(segment));
                }
            }
            current = next;
        }
        return new Result(current.stream().filter(Files::isRegularFile).toList(), null);
    }

    private static List<Path> matching(Path dir, String segment) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Pattern p = FnMatch.compile(segment);
        boolean dotted = segment.startsWith(".");
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                String name = e.getFileName().toString();
                if ((dotted || !name.startsWith(".")) && p.matcher(name).matches()) {
                    out.add(e);
                }
            }
        }
        out.sort(null);
        return out;
    }
}
