package com.example.hooks;

import io.circus.hook.HookContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Hooks as public static methods: name them as java:com.example.hooks.SpawnAudit#record. */
public final class SpawnAudit {

    private SpawnAudit() {
    }

    /** An after_spawn hook: appends "watcher pid" to the file named by the watcher's AUDIT_FILE variable. */
    public static boolean record(HookContext context) throws Exception {
        Path audit = Path.of(context.watcher().config().env().get("AUDIT_FILE"));
        Files.writeString(audit, context.watcherName() + " " + context.pid() + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return true; // false would kill the new process and stop the watcher
    }
}
