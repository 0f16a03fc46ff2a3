package io.circus.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.console.daemon.DaemonProcess;
import io.circus.testing.Await;
import io.circus.testing.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loopback web console without passwords serves the daemon's own user and refuses {@code nobody}
 * (a client run through setpriv), who would otherwise run commands through Jolokia; what the
 * trusted user does through it is in the audit trail with its uid.
 */
class WebLocalUsersTest {

    @TempDir
    Path dir;

    @Test
    void nobodyIsRefusedTheDaemonsUserIsServedAndAudited() throws Exception {
        boolean can = Files.isExecutable(Path.of("/usr/bin/setpriv")) && Files.isExecutable(Path.of("/usr/bin/python3"))
                && Files.readAllLines(Path.of("/proc/self/status")).stream()
                        .anyMatch(l -> l.startsWith("Uid:") && l.substring(4).trim().split("\\s+")[1].equals("0"));
        io.circus.testing.Requirements.require(can, "root, /usr/bin/setpriv and /usr/bin/python3, to run a client as nobody");
        int web = FreePorts.loopback();
        Path ini = dir.resolve("circus.ini");
        Files.writeString(ini, """
                [circus]
                %s
                httpd = true
                httpd_host = 127.0.0.1
                httpd_port = %d

                [watcher:w]
                cmd = sleep 3600
                numprocesses = 2
                graceful_timeout = 5
                """.formatted(DaemonProcess.freeEndpoints(), web));
        try (DaemonProcess d = new DaemonProcess(dir, ini.toString())) {
            d.awaitLog("web console at http://127.0.0.1:" + web);
            String base = "http://127.0.0.1:" + web;
            String decr = "{\"type\":\"exec\",\"mbean\":\"circus:type=Watcher,name=w\",\"operation\":\"decr\","
                    + "\"arguments\":[1,true]}";
            assertEquals("403", asNobody(base + "/jolokia", decr));
            Await.until("two children", () -> d.children().size() == 2);
            HttpResponse<String> mine = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/jolokia"))
                    .POST(HttpRequest.BodyPublishers.ofString(decr)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, mine.statusCode(), mine.body());
            Await.until("the decr in the audit trail", () -> d.log().matches(
                    "(?s).*caller=http 127\\.0\\.0\\.1:\\d+ uid=0 target=circus:type=Watcher,name=w operation=decr\\(1, true\\)"
                            + " outcome=ok.*"));
            assertEquals(1, d.children().size());
        }
    }

    /** POSTs as nobody:nogroup and returns the HTTP status, or the error. */
    private static String asNobody(String url, String body) throws Exception {
        String script = """
                import sys, urllib.request, urllib.error
                req = urllib.request.Request(sys.argv[1], data=sys.argv[2].encode(), method="POST")
                try:
                    print(urllib.request.urlopen(req, timeout=20).status)
                except urllib.error.HTTPError as e:
                    print(e.code)
                """;
        Process p = new ProcessBuilder(List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                "/usr/bin/python3", "-c", script, url, body)).redirectErrorStream(true).directory(Path.of("/").toFile())
                .start();
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "client as nobody did not exit");
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
