package io.circus.console.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** circusd refuses a [plugin:NAME] section it cannot run, naming the file, the section and the fix; nothing starts. */
class PluginStartupTest {

    @TempDir
    Path dir;

    @Test
    void aPythonPluginIsRefusedWithTheFileTheSectionAndWhatToWrite() throws Exception {
        String message = refused("use = myapp.plugins.Alert");
        assertTrue(message.contains("[plugin:alert] use = myapp.plugins.Alert: class myapp.plugins.Alert is not found "
                + "on the extension path"), message);
        assertTrue(message.contains("write a Java class implementing io.circus.plugin.Plugin"), message);
    }

    @Test
    void aBadFlappingOptionIsRefused() throws Exception {
        String message = refused("use = circus.plugins.flapping.Flapping\nretry_in = soon");
        assertTrue(message.contains("[plugin:alert] retry_in = soon: expected a number"), message);
    }

    private String refused(String body) throws Exception {
        Path ini = dir.resolve("circus.ini");
        Files.writeString(ini, "[circus]\nendpoint = tcp://127.0.0.1:0\npubsub_endpoint = tcp://127.0.0.1:0\n\n"
                + "[watcher:web]\ncmd = sleep 60\n\n[plugin:alert]\n" + body + "\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CircusDaemon.run(new String[] {ini.toString()}, new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, message);
        assertTrue(message.startsWith("circusd: " + ini + ": [plugin:alert]"), message);
        return message;
    }
}
