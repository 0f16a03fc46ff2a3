/**
 * The extension class path: the jars and directories that {@code [circus] extension_path} names, from
 * which Java hooks and Java plugins are loaded (docs/extending.md).
 *
 * <p>{@link io.circus.extension.ExtensionPath} parses and checks the setting when the configuration is
 * loaded; {@link io.circus.extension.ExtensionClassPath} owns the one class loader built over it and loads
 * a named class checked against the interface the daemon expects, with an
 * {@link io.circus.extension.ExtensionException} that says precisely what is wrong.
 *
 * <p>The loader's parent is the class loader of the daemon's API (this package's loader), so an extension
 * sees the {@code io.circus} API types as the daemon does, and the daemon never sees the extension's
 * classes except through the loader.
 *
 * <p>Threading: everything here may be used from any thread; the class loader is built once per
 * configuration and shared, read-only, by every hook and plugin that loads from it.
 */
package io.circus.extension;
