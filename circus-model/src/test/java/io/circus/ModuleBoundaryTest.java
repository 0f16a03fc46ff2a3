package io.circus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries, read from the sources of every module (plain Java, no dependency): no
 * module names another module's {@code internal} package, and every main package says in its
 * {@code package-info.java} what it is for, whether it is API or internal, and its threading rule.
 */
class ModuleBoundaryTest {

    private static final List<String> MODULES = List.of("circus-model", "circus-jmx", "circus-zmq", "circus-console");
    private static final Pattern LITERAL_OR_COMMENT = Pattern.compile(
            "\"\"\"(?s:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\\n])*\"|'(?:\\\\.|[^'\\\\\n])+'|//[^\n]*|/\\*(?s:.*?)\\*/");
    private static final Pattern INTERNAL = Pattern.compile("\\bio\\.circus(?:\\.[a-z0-9_]+)*?\\.internal\\b");

    @Test
    void noModuleUsesAnotherModulesInternalPackage() throws IOException {
        Path root = repositoryRoot();
        Map<String, String> owner = new TreeMap<>();
        Map<Path, String> files = new TreeMap<>();
        for (String module : MODULES) {
            for (String tree : List.of("src/main/java", "src/test/java")) {
                Path base = root.resolve(module).resolve(tree);
                for (Path f : javaFiles(base)) {
                    owner.put(packageOf(base, f), module);
                    files.put(f, module);
                }
            }
        }
        assertTrue(files.size() > 200, "the scan found only " + files.size() + " source files under " + root);
        assertTrue(owner.keySet().containsAll(Set.of("io.circus.jmx.internal", "io.circus.zmq.internal")),
                "the scan did not see the internal packages: " + owner.keySet());
        List<String> violations = new ArrayList<>();
        files.forEach((file, module) -> {
            Matcher m = INTERNAL.matcher(code(read(file)));
            while (m.find()) {
                String pkg = m.group();
                String declaredBy = owner.get(pkg);
                if (!module.equals(declaredBy)) {
                    violations.add(root.relativize(file) + " names " + pkg + " (of " + declaredBy + ")");
                }
            }
        });
        assertEquals(List.of(), violations, "another module's internal package is used; make what it needs API");
    }

    @Test
    void everyMainPackageDescribesItself() throws IOException {
        Path root = repositoryRoot();
        List<String> missing = new ArrayList<>();
        int packages = 0;
        for (String module : MODULES) {
            Path base = root.resolve(module).resolve("src/main/java");
            Set<Path> dirs = new TreeSet<>();
            javaFiles(base).forEach(f -> dirs.add(f.getParent()));
            for (Path dir : dirs) {
                packages++;
                Path info = dir.resolve("package-info.java");
                if (!Files.exists(info)) {
                    missing.add(root.relativize(dir) + ": no package-info.java");
                } else if (!read(info).contains("Threading")) {
                    missing.add(root.relativize(info) + ": no threading rule");
                }
            }
        }
        assertTrue(packages > 30, "the scan found only " + packages + " packages under " + root);
        assertEquals(List.of(), missing);
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("circus-model")) && Files.isDirectory(p.resolve("circus-console"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    private static List<Path> javaFiles(Path base) throws IOException {
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(base)) {
            return s.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    /** The source without comments and literals: only what the compiler links counts. */
    private static String code(String source) {
        return LITERAL_OR_COMMENT.matcher(source).replaceAll(" ");
    }

    private static String packageOf(Path base, Path file) {
        return base.relativize(file.getParent()).toString().replace('/', '.');
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
