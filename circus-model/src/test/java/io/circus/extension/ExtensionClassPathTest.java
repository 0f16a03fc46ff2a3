package io.circus.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extension path's parsing and checks, and the class loader's lookups and their errors. */
class ExtensionClassPathTest {

    @TempDir
    Path tmp;

    @Test
    void parsesColonAndCommaSeparatedEntriesRelativeToTheBase() throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Path jar = ExtensionCompiler.compileJar(tmp.resolve("a.jar"),
                Map.of("x.A", "package x; public class A {}"));
        List<Path> entries = ExtensionPath.parse(" lib : a.jar, " + lib + " ,", tmp);
        assertEquals(List.of(lib, jar), entries);
        assertEquals(List.of(), ExtensionPath.parse("  ", tmp));
    }

    @Test
    void eachBadEntryIsNamedWithTheReason() throws Exception {
        Files.createDirectories(tmp.resolve("lib"));
        Files.writeString(tmp.resolve("notes.txt"), "x");
        var missing = assertThrows(IllegalArgumentException.class, () -> ExtensionPath.parse("lib,nope.jar", tmp));
        assertEquals("entry 'nope.jar' (" + tmp.resolve("nope.jar") + ") does not exist", missing.getMessage());
        var notJar = assertThrows(IllegalArgumentException.class, () -> ExtensionPath.parse("notes.txt", tmp));
        assertTrue(notJar.getMessage().startsWith("entry 'notes.txt' "), notJar.getMessage());
        assertTrue(notJar.getMessage().endsWith("is neither a directory nor a .jar file"), notJar.getMessage());
    }

    @Test
    void loadsFromDirectoriesAndJarsInItsOwnLoaderWithTheApiShared() throws Exception {
        Path dir = ExtensionCompiler.compile(tmp.resolve("classes"), Map.of("x.Hello",
                "package x; public class Hello implements java.util.function.Supplier<String> {"
                        + " public String get() { return \"hello from \" + io.circus.extension.ExtensionPath.class"
                        + ".getClassLoader().getName(); } }"));
        Path jar = ExtensionCompiler.compileJar(tmp.resolve("b.jar"), Map.of("y.Bye",
                "package y; public class Bye implements java.util.function.Supplier<String> {"
                        + " public String get() { return \"bye\"; } }"));
        try (ExtensionClassPath cp = ExtensionClassPath.of(List.of(dir, jar))) {
            @SuppressWarnings("unchecked")
            Supplier<String> hello = cp.newInstance("x.Hello", Supplier.class);
            assertSame(cp.classLoader(), hello.getClass().getClassLoader());
            assertEquals("hello from " + ExtensionPath.class.getClassLoader().getName(), hello.get());
            assertEquals("bye", cp.newInstance("y.Bye", Supplier.class).get());
            assertThrows(ClassNotFoundException.class, () -> Class.forName("x.Hello"));
            try (ExtensionClassPath other = ExtensionClassPath.of(List.of(dir))) {
                assertNotSame(hello.getClass(), other.loadPublicClass("x.Hello"));
            }
        }
    }

    @Test
    void eachUnusableClassGivesAPreciseError() throws Exception {
        Path dir = ExtensionCompiler.compile(tmp.resolve("classes"), Map.of(
                "x.Hidden", "package x; class Hidden implements Runnable { public void run() {} }",
                "x.Wrong", "package x; public class Wrong { }",
                "x.NoCtor", "package x; public class NoCtor implements Runnable {"
                        + " public NoCtor(int i) {} public void run() {} }",
                "x.Abstract", "package x; public abstract class Abstract implements Runnable { }",
                "x.Throws", "package x; public class Throws implements Runnable {"
                        + " public Throws() { throw new IllegalStateException(\"no config\"); } public void run() {} }"));
        try (ExtensionClassPath cp = ExtensionClassPath.of(List.of(dir))) {
            assertEquals("class x.Missing is not found on the extension path [" + dir + "] (set [circus] "
                    + "extension_path to the jar or directory that holds it)", error(cp, "x.Missing"));
            assertEquals("class x.Hidden is not public", error(cp, "x.Hidden"));
            assertEquals("class x.Wrong does not implement java.lang.Runnable", error(cp, "x.Wrong"));
            assertEquals("class x.NoCtor has no public no-argument constructor", error(cp, "x.NoCtor"));
            assertEquals("class x.Abstract is abstract; name a concrete class", error(cp, "x.Abstract"));
            assertEquals("the constructor of x.Throws threw java.lang.IllegalStateException: no config",
                    error(cp, "x.Throws"));
        }
    }

    private static String error(ExtensionClassPath cp, String name) {
        return assertThrows(ExtensionException.class, () -> cp.newInstance(name, Runnable.class)).getMessage();
    }
}
