package io.circus.zmq;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Prints every thread's stack when a test runs suspiciously long, to diagnose hangs in CI logs. */
final class HangDump implements BeforeEachCallback, AfterEachCallback {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hang-dump");
        t.setDaemon(true);
        return t;
    });
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(HangDump.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        ScheduledFuture<?> f = TIMER.schedule(() -> dump(context.getDisplayName()), 12, TimeUnit.SECONDS);
        context.getStore(NS).put("dump", f);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ScheduledFuture<?> f = context.getStore(NS).remove("dump", ScheduledFuture.class);
        if (f != null) {
            f.cancel(false);
        }
    }

    private static void dump(String test) {
        StringBuilder sb = new StringBuilder("=== threads after 12 s in " + test + "\n");
        for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            sb.append('"').append(t.getThreadName()).append("\" ").append(t.getThreadState());
            if (t.getLockName() != null) {
                sb.append(" on ").append(t.getLockName()).append(" owned by ").append(t.getLockOwnerName());
            }
            sb.append('\n');
            for (StackTraceElement e : t.getStackTrace()) {
                sb.append("    at ").append(e).append('\n');
            }
        }
        System.out.println(sb);
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("hang-dump", ".txt");
            java.nio.file.Files.delete(file);
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), com.sun.management.HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
            System.out.println("=== with virtual threads:\n" + java.nio.file.Files.readString(file));
            java.nio.file.Files.delete(file);
        } catch (Exception e) {
            System.out.println("no virtual thread dump: " + e);
        }
    }
}
