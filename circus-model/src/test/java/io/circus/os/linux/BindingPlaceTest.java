package io.circus.os.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps io.circus.os.linux the one place where native symbols are bound: no main source file of
 * any module outside it looks a symbol up or makes a downcall handle. (Two classes once bound
 * {@code close} and {@code strerror} each.)
 */
class BindingPlaceTest {

    private static final Pattern BINDING = Pattern.compile("downcallHandle\\(|nativeLinker\\(|defaultLookup\\(|libraryLookup\\(");
    private static final Path HOME = Path.of("").toAbsolutePath().getParent();
    private static final Path PLACE = Path.of("io", "circus", "os", "linux");

    @Test
    void noMainSourceOutsideTheBindingPackageBindsASymbol() throws IOException {
        List<Path> roots;
        try (Stream<Path> modules = Files.list(HOME)) {
            roots = modules.filter(m -> m.getFileName().toString().startsWith("circus-"))
                    .map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList();
        }
        assertTrue(roots.size() >= 4, "the modules' sources are found from " + HOME + ": " + roots);
        List<String> offenders;
        try (Stream<Path> files = roots.stream().flatMap(BindingPlaceTest::javaFiles)) {
            offenders = files.filter(f -> !isInPlace(roots, f)).filter(BindingPlaceTest::binds)
                    .map(f -> HOME.relativize(f).toString()).sorted().toList();
        }
        assertEquals(List.of(), offenders, "bind libc symbols in io.circus.os.linux (Libc, SpawnCalls) and call them");
    }

    private static boolean isInPlace(List<Path> roots, Path file) {
        return roots.stream().anyMatch(r -> file.startsWith(r.resolve(PLACE)));
    }

    private static Stream<Path> javaFiles(Path root) {
        try {
            return Files.walk(root).filter(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean binds(Path file) {
        try {
            return BINDING.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
