package io.circus.example;

import io.circus.config.CircusConfig;
import io.circus.daemon.EmbeddedDaemon;
import io.circus.jmx.CircusManagement;
import io.circus.zmq.ZmqFacade;
import java.time.Duration;

/** The example of docs/architecture.md, "Embedding": compiled and run by {@link EmbeddingExampleTest}. */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    /** Runs the daemon of {@code config} until something quits it (circusctl's {@code quit}, JMX). */
    public static void run(CircusConfig config) {
        try (EmbeddedDaemon daemon = EmbeddedDaemon.builder(config)
                .facade(CircusManagement.facade())   // circus-jmx: the MBeans (+ connector if jmx_port)
                .facade(ZmqFacade.facade())          // circus-zmq: the Circus channels, over those MBeans
                .start(Duration.ofSeconds(30))) {    // built, then the watchers started
            daemon.terminated().join();              // until quit
        } // close(): every process stopped, then the facades in reverse, then the state file
        // SNIPPET-END
    }
}
