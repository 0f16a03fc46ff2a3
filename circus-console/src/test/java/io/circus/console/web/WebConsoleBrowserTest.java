package io.circus.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.console.daemon.DaemonProcess;
import io.circus.testing.Await;
import io.circus.testing.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web console in a real browser against a real daemon: the page shows the watchers, incr makes a
 * new process appear, and a process killed from outside moves the graphs and the event feed.
 * Screenshots go to target/screenshots (docs/web.md shows them).
 */
class WebConsoleBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void watchersIncrAndAnOutsideKillAreSeenInTheBrowser() throws Exception {
        Browser.requireInstalled();
        int port = FreePorts.loopback();
        Path ini = dir.resolve("circus.ini");
        Files.writeString(ini, """
                [circus]
                %s
                httpd = true
                httpd_host = 127.0.0.1
                httpd_port = %d

                [watcher:sleepers]
                cmd = /bin/sh -c 'echo hello from wid $(circus.wid); exec sleep 3600'
                numprocesses = 2
                graceful_timeout = 5
                stdout_stream.class = FileStream
                stdout_stream.filename = sleepers.log

                [watcher:spinner]
                cmd = /bin/sh -c 'while :; do :; done'
                numprocesses = 1
                graceful_timeout = 5
                """.formatted(DaemonProcess.freeEndpoints(), port));
        Path shots = Path.of("target", "screenshots");
        try (DaemonProcess d = new DaemonProcess(dir, ini.toString());
             Browser b = new Browser(dir.resolve("profile"), 1400, 900)) {
            d.awaitLog("web console at http://127.0.0.1:" + port + "/");
            b.driver.get("http://127.0.0.1:" + port + "/");

            await("both watchers, active, with their processes", () ->
                    text(b, "tr[data-watcher='sleepers'] td[data-col='processes']").equals("2 / 2")
                    && text(b, "tr[data-watcher='spinner'] td[data-col='state']").equals("active"));

            b.driver.findElement(By.cssSelector("tr[data-watcher='sleepers'] td[data-col='name']")).click();
            await("the two processes of sleepers", () -> rows(b).size() == 2);
            b.driver.findElement(By.cssSelector("tr[data-watcher='sleepers'] button[data-op='incr']")).click();
            await("a third process after incr", () -> rows(b).size() == 3
                    && text(b, "tr[data-watcher='sleepers'] td[data-col='processes']").equals("3 / 3")
                    && !text(b, "#processes tr[data-wid='3'] td[data-col='pid']").isEmpty());
            assertEquals(3, d.children().stream().filter(pid -> ProcessHandle.of(pid)
                    .flatMap(h -> h.info().command()).orElse("").endsWith("sleep")).count());
            await("the output of wid 3 in the stdout tail", () ->
                    text(b, "#tail-stdout").matches("(?s).*\\[\\d+] hello from wid 3.*"));
            await("the spawn of wid 3 in the event feed", () -> events(b).stream()
                    .anyMatch(e -> e.matches(".*sleepers wid 3 \\(pid \\d+\\) started")));

            long victim = Long.parseLong(text(b, "#processes tr[data-wid='1'] td[data-col='pid']"));
            String samples = attr(b, "#processes tr[data-wid='1'] td[data-col='mem-graph'] canvas", "samples");
            ProcessHandle.of(victim).orElseThrow().destroyForcibly();
            await("the outside kill of pid " + victim + " in the event feed", () -> events(b).stream()
                    .anyMatch(e -> e.contains("sleepers wid 1 (pid " + victim + ") exited")));
            await("wid 1 respawned with a new pid in the table", () -> {
                String pid = text(b, "#processes tr[data-wid='1'] td[data-col='pid']");
                return !pid.isEmpty() && !pid.equals(Long.toString(victim));
            });
            await("the graph of wid 1 moved on", () -> Integer.parseInt(attr(b,
                    "#processes tr[data-wid='1'] td[data-col='mem-graph'] canvas", "samples")) > Integer.parseInt(samples));
            await("the spinner's CPU graph shows work", () -> Double.parseDouble(attr(b,
                    "tr[data-watcher='spinner'] td[data-col='cpu-graph'] canvas", "last")) > 0);
            b.screenshot(shots.resolve("web-console.png"));
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        Await.until(what, WAIT, () -> {
            try {
                return condition.getAsBoolean();
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException
                     | NumberFormatException e) {
                return false;
            }
        });
    }

    private static String text(Browser b, String css) {
        return b.driver.findElement(By.cssSelector(css)).getText().strip();
    }

    private static String attr(Browser b, String css, String data) {
        return b.driver.findElement(By.cssSelector(css)).getDomAttribute("data-" + data);
    }

    private static List<WebElement> rows(Browser b) {
        return b.driver.findElements(By.cssSelector("#processes tbody tr"));
    }

    private static List<String> events(Browser b) {
        return b.driver.findElements(By.cssSelector("#events li")).stream().map(WebElement::getText).toList();
    }
}
