package io.circus.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.extension.ExtensionCompiler;
import io.circus.jmx.CircusNames;
import io.circus.testing.Await;
import io.circus.zmq.client.CircusClient;
import io.circus.zmq.client.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Writing a Java plugin" example of docs/extending.md, exactly as printed: its class is compiled
 * outside the daemon's class path, found on extension_path, configured with the page's ini, and stops
 * the crash-looping watcher after max_crashes crashes.
 */
@org.junit.jupiter.api.extension.ExtendWith(HangDump.class)
class JavaPluginDocTest {

    @TempDir
    Path dir;

    @Test
    void theDocumentedPluginCompilesLoadsAndActs() throws Exception {
        String page = Files.readString(docs().resolve("extending.md"));
        String section = page.substring(page.indexOf("## Writing a Java plugin"));
        String java = block(section, "java");
        String ini = block(section, "ini");

        Path classes = ExtensionCompiler.compile(Files.createDirectories(dir.resolve("plugins")).resolve("classes"),
                Map.of("com.example.CrashLimit", java));
        // The page's [circus] section names a path relative to the configuration file, as here.
        assertTrue(ini.contains("extension_path = plugins/classes"), ini);
        assertTrue(Files.isDirectory(classes));
        String sections = ini.substring(ini.indexOf("[watcher:"));

        try (ZmqDaemon d = ZmqDaemon.fromIni(dir, "extension_path = plugins/classes", sections)) {
            Await.until("worker stopped by the plugin", () -> (Long) d.attr(CircusNames.plugin("crashlimit"), "Stops") == 1);
            assertEquals("stopped", d.attr(CircusNames.watcher("worker"), "State"));
            assertTrue((Long) d.attr(CircusNames.plugin("crashlimit"), "Checks") >= 3);
            assertEquals("com.example.CrashLimit", d.attr(CircusNames.plugin("crashlimit"), "Implementation"));
            assertTrue(((String) d.attr(CircusNames.plugin("crashlimit"), "LastAction")).contains("worker: 3 crashes"));
        }
    }

    /**
     * extension_path is fixed for the daemon's life: a reloadconfig that changes it and names a
     * plugin only the new path holds is refused, saying a restart is needed, and changes nothing
     * (the plugin host would load from the path the daemon started with, and fail there).
     */
    @Test
    void aPluginOnlyOnAChangedExtensionPathIsRefusedAtReloadconfig() throws Exception {
        String section = Files.readString(docs().resolve("extending.md"));
        section = section.substring(section.indexOf("## Writing a Java plugin"));
        ExtensionCompiler.compile(Files.createDirectories(dir.resolve("plugins")).resolve("classes"),
                Map.of("com.example.CrashLimit", block(section, "java")));
        String ini = block(section, "ini");
        String sections = ini.substring(ini.indexOf("[watcher:"));

        try (ZmqDaemon d = ZmqDaemon.fromIni(dir, "[watcher:web]\ncmd = sleep 3600\n");
             CircusClient circus = d.client()) {
            ZmqDaemon.writeIni(dir, "extension_path = plugins/classes\n" + sections);
            Reply r = circus.call("reloadconfig", Map.of("waiting", true));
            assertTrue(r.isError() && r.reason().contains("com.example.CrashLimit")
                    && r.reason().contains("extension_path changed, which takes a restart"), r.toString());
            assertFalse(d.server.isRegistered(CircusNames.plugin("crashlimit")), "no plugin was added");
            assertFalse(d.server.isRegistered(CircusNames.watcher("worker")), "nothing of the new file was applied");
            assertEquals("[\"web\"]", circus.call("list", Map.of()).get("watchers").toString(), "still serving");
        }
    }

    private static String block(String markdown, String language) {
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        assertTrue(m.find(), "a " + language + " block in the section");
        return m.group(1);
    }

    private static Path docs() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs")) && Files.exists(p.resolve("pom.xml"))) {
                return p.resolve("docs");
            }
        }
        throw new AssertionError("docs/ not found above " + Path.of("").toAbsolutePath());
    }
}
