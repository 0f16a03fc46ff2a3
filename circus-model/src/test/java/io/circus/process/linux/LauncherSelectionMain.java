package io.circus.process.linux;

import io.circus.process.Launchers;
import io.circus.process.ProcessLauncher;

/** Child JVM for {@link LauncherSelectionTest}: prints which backend it got and why not the native one. */
public final class LauncherSelectionMain {

    private LauncherSelectionMain() {
    }

    public static void main(String[] args) {
        try (ProcessLauncher best = Launchers.best()) {
            System.out.println("best=" + best.name());
        }
        try (ProcessLauncher ffm = Launchers.linuxFfm()) {
            System.out.println("ffm=" + ffm.name());
        } catch (UnsupportedOperationException e) {
            System.out.println("refused=" + e.getMessage());
        }
    }
}
