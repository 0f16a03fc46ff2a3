package io.circus.runtime;

/**
 * Hears the runtime's shape change: watchers installed and removed, process slots added to and
 * removed from a watcher. For a facade that mirrors the model object by object (one JMX bean per
 * slot) and must follow it without re-reading every slot after each event.
 *
 * <p>Threading: called on the supervisor loop, in order with the events of {@link
 * io.circus.event.EventListener}: a slot is added before its first event and removed after its last;
 * a watcher is added before its slots and removed after them when it is stopped (a watcher removed
 * without stopping is removed with its slots still in it). It must return quickly and never block
 * (no I/O, no waiting on the runtime): hand the change to a queue. A listener that throws is logged
 * and kept.
 */
public interface TopologyListener {

    /** A watcher was installed (at start-up, by {@code add} or by {@code reloadconfig}). */
    void watcherAdded(Watcher watcher);

    /** A watcher was uninstalled; its slots, if any are left, go with it. */
    void watcherRemoved(Watcher watcher);

    /** A slot (a wid) now exists in the watcher, before its first spawn. */
    void slotAdded(Watcher watcher, SupervisedProcess slot);

    /** A slot left the watcher, after its last event. */
    void slotRemoved(Watcher watcher, SupervisedProcess slot);
}
