package io.circus.example;

// SNIPPET-START library-example
import io.circus.Circus;
import io.circus.config.WatcherConfig;
import io.circus.runtime.Arbiter;
import io.circus.runtime.Watcher;
import java.time.Duration;

public class LibraryExample {

    public static void main(String[] args) {
        // Four workers, kept running: a worker that dies is replaced at once.
        try (Arbiter arbiter = Circus.run("workers", "sleep 3600", 4)) {
            Watcher workers = arbiter.watcher("workers").orElseThrow();
            System.out.println("running: " + workers.pids());

            // Every option of a [watcher:NAME] section has a builder method.
            WatcherConfig web = WatcherConfig.builder("web", "/bin/sh -c 'exec sleep 3600'")
                    .numProcesses(2)
                    .gracefulTimeout(Duration.ofSeconds(10))
                    .build();
            arbiter.addWatcher(web, true).join();

            workers.incr(2).join();          // six workers now
            workers.reload(true, false).join(); // new processes first, then the old ones stop
        } // close(): stops everything and waits for every exit
    }
}
// SNIPPET-END library-example
