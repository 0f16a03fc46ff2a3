package com.example.hooks;

import io.circus.hook.Hook;
import io.circus.hook.HookContext;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A before_start hook: the watcher starts only once the file named by its READY_FILE variable exists
 * (another service creates it when it is up). Gives up after 20 s: returning false leaves the watcher
 * stopped, as a falsy return does in Circus.
 */
public class WaitForReadyFile implements Hook {

    @Override
    public boolean run(HookContext context) throws Exception {
        String file = context.watcher().config().env().get("READY_FILE");
        if (file == null) {
            // A failure: logged, published as hook_failure, and the start is aborted (unless ", true").
            throw new IllegalStateException("watcher " + context.watcherName() + " has no READY_FILE variable");
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!Files.exists(Path.of(file))) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(50); // a hook runs on a thread of its own: blocking here delays only this watcher
        }
        return true;
    }
}
