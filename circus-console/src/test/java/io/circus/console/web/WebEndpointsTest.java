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
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP endpoints of a real daemon, without a browser: metrics, authentication, origin checks, bind policy. */
class WebEndpointsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void typedMetricsBehindBasicAuthAndNoCrossOriginCalls() throws Exception {
        int web = FreePorts.loopback();
        int metrics = FreePorts.loopback();
        Path passwords = dir.resolve("http.password");
        Files.writeString(passwords, "# user password\nops s3cret\n");
        Path ini = dir.resolve("circus.ini");
        Files.writeString(ini, """
                [circus]
                %s
                httpd = true
                httpd_host = 127.0.0.1
                httpd_port = %d
                httpd_password_file = %s
                prometheus_endpoint = 127.0.0.1:%d

                [watcher:w]
                cmd = sleep 3600
                numprocesses = 2
                graceful_timeout = 5
                """.formatted(DaemonProcess.freeEndpoints(), web, passwords, metrics));
        try (DaemonProcess d = new DaemonProcess(dir, ini.toString())) {
            d.awaitLog("Prometheus metrics at http://127.0.0.1:" + metrics + "/metrics");
            String base = "http://127.0.0.1:" + web;
            assertEquals(401, get(base + "/", null).statusCode());
            assertEquals(401, get(base + "/metrics", null).statusCode());
            assertEquals(401, get("http://127.0.0.1:" + metrics + "/metrics", "ops:wrong").statusCode());
            HttpResponse<String> page = get(base + "/", "ops:s3cret");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<title>Circus</title>"), page.body());
            assertEquals(404, get(base + "/../pom.xml", "ops:s3cret").statusCode());

            String[] body = new String[1];
            Await.until("both processes in the metrics", () -> {
                body[0] = get("http://127.0.0.1:" + metrics + "/metrics", "ops:s3cret").body();
                return body[0].contains("circus_process_state{watcher=\"w\",wid=\"2\"} 1.0");
            });
            String m = body[0];
            for (String line : new String[] {
                    "# TYPE circus_watcher_processes gauge", "circus_watcher_processes{watcher=\"w\"} 2.0",
                    "# TYPE circus_watcher_state gauge", "circus_watcher_state{watcher=\"w\"} 1.0",
                    "# TYPE circus_watcher_restarts_total counter", "circus_watcher_restarts_total{watcher=\"w\"} 0.0",
                    "# TYPE circus_process_cpu_seconds_total counter",
                    "# TYPE circus_process_resident_memory_bytes gauge",
                    "# TYPE circus_process_start_time_seconds gauge"}) {
                assertTrue(m.contains(line + "\n"), line + " in\n" + m);
            }
            assertTrue(m.matches("(?s).*circus_process_resident_memory_bytes\\{watcher=\"w\",wid=\"1\"} [1-9].*"), m);
            assertTrue(!m.contains("untyped"), m);

            String read = "{\"type\":\"read\",\"mbean\":\"circus:type=Watcher,name=w\",\"attribute\":\"StateCode\"}";
            HttpResponse<String> same = post(base + "/jolokia", read, base);
            assertEquals(200, same.statusCode());
            assertTrue(same.body().contains("\"value\":1"), same.body());
            String decr = "{\"type\":\"exec\",\"mbean\":\"circus:type=Watcher,name=w\",\"operation\":\"decr\",\"arguments\":[1,true]}";
            HttpResponse<String> foreign = post(base + "/jolokia", decr, "http://evil.example");
            assertEquals(403, foreign.statusCode(), foreign.body());
            assertEquals(2, d.children().size(), "the cross-origin decr changed nothing");
        }
    }

    @Test
    void aConsoleOnAnyAddressWithoutPasswordsDoesNotStart() throws Exception {
        Path ini = dir.resolve("circus.ini");
        Files.writeString(ini, """
                [circus]
                %s
                httpd = true
                httpd_host = 0.0.0.0
                httpd_port = %d

                [watcher:w]
                cmd = sleep 3600
                """.formatted(DaemonProcess.freeEndpoints(), FreePorts.loopback()));
        try (DaemonProcess d = new DaemonProcess(dir, ini.toString())) {
            assertEquals(1, d.awaitExit(), d.log());
            assertTrue(d.log().contains("[circus] httpd_host = 0.0.0.0: a web endpoint on a non-loopback address needs "
                    + "authentication; set httpd_password_file"), d.log());
            assertTrue(d.children().isEmpty());
        }
    }

    private static HttpResponse<String> get(String url, String user) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).GET();
        if (user != null) {
            r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("GET " + url + ": " + e, e);
        }
    }

    private static HttpResponse<String> post(String url, String json, String origin) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Origin", origin)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ops:s3cret".getBytes(StandardCharsets.UTF_8)))
                .build();
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }
}
