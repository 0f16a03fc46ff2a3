package io.circus.jmx;

import io.circus.runtime.ProcessState;
import io.circus.runtime.WatcherState;

/**
 * The numbers behind the {@code StateCode} attributes and the {@code circus_watcher_state} and
 * {@code circus_process_state} metrics, so a monitor that only reads numbers can alert on state. In both
 * mappings 1 is the healthy state and 0 the stopped one, so {@code != 1} means "not serving".
 *
 * <table>
 * <caption>State codes</caption>
 * <tr><th>code</th><th>watcher</th><th>process</th></tr>
 * <tr><td>0</td><td>stopped</td><td>exited</td></tr>
 * <tr><td>1</td><td>active</td><td>running</td></tr>
 * <tr><td>2</td><td>starting</td><td>spawning</td></tr>
 * <tr><td>3</td><td>stopping</td><td>stopping</td></tr>
 * </table>
 */
public final class StateCodes {

    private StateCodes() {
    }

    public static int of(WatcherState state) {
        return switch (state) {
            case STOPPED -> 0;
            case ACTIVE -> 1;
            case STARTING -> 2;
            case STOPPING -> 3;
        };
    }

    public static int of(ProcessState state) {
        return switch (state) {
            case EXITED -> 0;
            case RUNNING -> 1;
            case SPAWNING -> 2;
            case STOPPING -> 3;
        };
    }
}
