package io.circus.extension;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources written by a test into a directory (or a jar), against the test's own class path,
 * so extension tests load real classes that the daemon's class loader has never seen.
 */
public final class ExtensionCompiler {

    private ExtensionCompiler() {
    }

    /**
     * Compiles {@code sources} (binary class name to source text) into {@code outDir}.
     *
     * @return {@code outDir}
     */
    public static Path compile(Path outDir, Map<String, String> sources) {
        try {
            Path src = Files.createTempDirectory(outDir.getParent(), "src");
            List<String> args = new ArrayList<>(List.of("-d", outDir.toString(), "-classpath",
                    System.getProperty("java.class.path"), "-proc:none", "-Xlint:none"));
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue());
                args.add(file.toString());
            }
            Files.createDirectories(outDir);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int rc = javac.run(null, errors, errors, args.toArray(String[]::new));
            assertTrue(rc == 0, "compilation failed: " + errors);
            return outDir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles {@code sources} and packs the classes into {@code jar}. */
    public static Path compileJar(Path jar, Map<String, String> sources) {
        try {
            Path classes = compile(Files.createTempDirectory(jar.getParent(), "classes"), sources);
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out);
                 Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    jos.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    jos.write(Files.readAllBytes(f));
                    jos.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
