package io.circus.console.web;

import io.circus.console.daemon.DaemonProcess;
import io.circus.testing.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;

/**
 * Not a test: takes the screenshots of docs/web.md with the tests' browser, against a real daemon
 * with a thousand processes, and prints how long the page's refreshes took. Run by hand:
 * {@code java -cp <test classpath> io.circus.console.web.ScreenshotTour docs/images}.
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images").toAbsolutePath();
        Path dir = Files.createTempDirectory("circus-tour");
        int port = FreePorts.loopback();
        Path ini = dir.resolve("circus.ini");
        Files.writeString(ini, """
                [circus]
                %s
                httpd = true
                httpd_host = 127.0.0.1
                httpd_port = %d

                [watcher:api]
                cmd = /bin/sh -c 'n=0; while :; do i=0; while [ $i -lt $((4000 + n %% 7 * 4000)) ]; do i=$((i+1)); done; n=$((n+1)); echo "request batch $n served by wid $(circus.wid)"; sleep 0.5; done'
                numprocesses = 3
                graceful_timeout = 2
                stdout_stream.class = FileStream
                stdout_stream.filename = api.log

                [watcher:workers]
                cmd = sleep 3600
                numprocesses = 1000
                graceful_timeout = 5
                """.formatted(DaemonProcess.freeEndpoints(), port));
        try (DaemonProcess d = new DaemonProcess(dir, ini.toString());
             Browser b = new Browser(dir.resolve("profile"), 1400, 1000)) {
            d.awaitLog("web console at");
            b.driver.get("http://127.0.0.1:" + port + "/");
            Thread.sleep(20_000);
            b.driver.findElement(By.cssSelector("tr[data-watcher='api'] td[data-col='name']")).click();
            Thread.sleep(70_000);
            long victim = Long.parseLong(b.driver.findElement(By.cssSelector("#processes tr[data-wid='2'] td[data-col='pid']")).getText());
            ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly);
            Thread.sleep(5_000);
            b.screenshot(out.resolve("web-console.png"));
            b.driver.findElement(By.cssSelector("tr[data-watcher='workers'] td[data-col='name']")).click();
            List<String> polls = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                Thread.sleep(1_000);
                polls.add(b.driver.findElement(By.tagName("body")).getDomAttribute("data-poll-ms"));
            }
            b.screenshot(out.resolve("web-console-1000.png"));
            System.out.println("refresh times with 1000 processes (ms): " + polls);
        }
    }
}
