package io.circus.extension;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * One class loader over the extension path, shared by every hook and plugin of a configuration.
 *
 * <p>Delegation is parent-first: the parent is the loader of the daemon's API, so {@code io.circus} types
 * (and the daemon's libraries) are the daemon's own and an extension cannot replace them; everything else
 * comes from the extension path only, never from the daemon's class path of application code. Thread-safe.
 * Closing it closes the jars; classes already loaded keep working.
 */
public final class ExtensionClassPath implements AutoCloseable {

    private static final ClassLoader API_LOADER = ExtensionClassPath.class.getClassLoader();

    private final List<Path> entries;
    private final URLClassLoader loader;

    private ExtensionClassPath(List<Path> entries, ClassLoader parent) {
        this.entries = List.copyOf(entries);
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = entries.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("extension path entry '" + entries.get(i) + "': " + e.getMessage(), e);
            }
        }
        this.loader = new URLClassLoader("circus-extensions", urls, parent);
    }

    /** A loader over {@code entries} (as {@link ExtensionPath#parse} gives them) whose parent is the API's loader. */
    public static ExtensionClassPath of(List<Path> entries) {
        return new ExtensionClassPath(entries, API_LOADER);
    }

    /** A loader over {@code entries} with another parent (tests, embedding applications). */
    public static ExtensionClassPath of(List<Path> entries, ClassLoader parent) {
        return new ExtensionClassPath(entries, parent);
    }

    /** The entries, in search order. */
    public List<Path> entries() {
        return entries;
    }

    /** The loader itself, for code that needs resources or a context class loader. */
    public ClassLoader classLoader() {
        return loader;
    }

    /**
     * Loads a public class by its binary name.
     *
     * @throws ExtensionException when no such class is on the extension path (or the daemon's API), it
     *                            cannot be linked, or it is not public
     */
    public Class<?> loadPublicClass(String className) throws ExtensionException {
        Class<?> c;
        try {
            c = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new ExtensionException("class " + className + " is not found on the extension path "
                    + describe() + " (set [circus] extension_path to the jar or directory that holds it)");
        } catch (LinkageError e) {
            throw new ExtensionException("class " + className + " cannot be loaded: " + e, e);
        }
        if (!Modifier.isPublic(c.getModifiers())) {
            throw new ExtensionException("class " + className + " is not public");
        }
        return c;
    }

    /**
     * Loads a public class that implements {@code expected}.
     *
     * @throws ExtensionException as {@link #loadPublicClass}, or when the class is not a concrete
     *                            implementation of {@code expected}
     */
    public <T> Class<? extends T> loadClass(String className, Class<T> expected) throws ExtensionException {
        Class<?> c = loadPublicClass(className);
        if (!expected.isAssignableFrom(c)) {
            String hint = sameNameElsewhere(c, expected)
                    ? " (it implements a copy of " + expected.getName() + " loaded from the extension path: "
                    + "leave the Circus API out of the extension's jar)"
                    : "";
            throw new ExtensionException("class " + className + " does not implement " + expected.getName() + hint);
        }
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
            throw new ExtensionException("class " + className + " is abstract; name a concrete class");
        }
        return c.asSubclass(expected);
    }

    /**
     * Loads a class implementing {@code expected} and creates one instance with its public no-argument
     * constructor.
     *
     * @throws ExtensionException as {@link #loadClass}, when there is no public no-argument constructor,
     *                            or when the constructor throws (the cause is attached)
     */
    public <T> T newInstance(String className, Class<T> expected) throws ExtensionException {
        Class<? extends T> c = loadClass(className, expected);
        Constructor<? extends T> ctor;
        try {
            ctor = c.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new ExtensionException("class " + className + " has no public no-argument constructor");
        }
        if (c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers())) {
            throw new ExtensionException("class " + className + " is an inner class; make it static");
        }
        try {
            return ctor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new ExtensionException("the constructor of " + className + " threw " + cause, cause);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ExtensionException("class " + className + " cannot be instantiated: " + e, e);
        }
    }

    private static boolean sameNameElsewhere(Class<?> c, Class<?> expected) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Class<?> i : k.getInterfaces()) {
                if (i.getName().equals(expected.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private String describe() {
        return entries.isEmpty() ? "(empty)" : entries.toString();
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    @Override
    public String toString() {
        return "ExtensionClassPath" + entries;
    }
}
