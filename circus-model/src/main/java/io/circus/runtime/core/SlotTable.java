package io.circus.runtime.core;

import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiConsumer;

/**
 * A watcher's slots by wid, with what must stay cheap at ten thousand slots: the next free wid, the
 * slot running a pid and the number running, each without walking the slots. Tells the topology
 * listeners when a slot comes and goes, and the pid recorder of the operation running, if any, when
 * a pid starts and ends.
 *
 * <p>Threading: mutated on the supervisor loop only; {@link #values}, {@link #byPid} and {@link
 * #running} may be read from any thread (concurrent maps, so a reader sees a recent state, never a
 * broken one).
 */
final class SlotTable {

    private final ConcurrentSkipListMap<Integer, ProcessSlot> slots = new ConcurrentSkipListMap<>();
    private final Map<Long, ProcessSlot> byPid = new ConcurrentHashMap<>();
    /** Wids in use; loop only. */
    private final BitSet used = new BitSet();
    private final BiConsumer<ProcessSlot, Boolean> onMembership;
    /** The operation being recorded, or null; loop only. */
    private PidRecorder recorder;

    /** @param onMembership called with (slot, true) after a slot is added and (slot, false) after one is removed */
    SlotTable(BiConsumer<ProcessSlot, Boolean> onMembership) {
        this.onMembership = onMembership;
    }

    /** Circus's wid: the smallest positive number no slot uses. */
    int nextWid() {
        return used.nextClearBit(1);
    }

    void add(ProcessSlot slot) {
        ProcessSlot previous = slots.put(slot.wid(), slot);
        if (previous != null) {
            forget(previous);
        }
        used.set(slot.wid());
        slot.table(this);
        onMembership.accept(slot, true);
    }

    /** Removes the slot if it is still the one under its wid. */
    void remove(ProcessSlot slot) {
        if (slots.remove(slot.wid(), slot)) {
            used.clear(slot.wid());
            forget(slot);
        }
    }

    /** Removes every slot, lowest wid first. */
    void clear() {
        for (ProcessSlot slot : List.copyOf(slots.values())) {
            remove(slot);
        }
    }

    private void forget(ProcessSlot slot) {
        long pid = slot.pid();
        if (pid != 0) {
            byPid.remove(pid, slot);
        }
        slot.table(null);
        onMembership.accept(slot, false);
    }

    Collection<ProcessSlot> values() {
        return slots.values();
    }

    boolean isEmpty() {
        return slots.isEmpty();
    }

    ProcessSlot byPid(long pid) {
        return byPid.get(pid);
    }

    /** Slots with a process (running or stopping). */
    int running() {
        return byPid.size();
    }

    // ---- called by ProcessSlot as its process starts and ends, on the loop ------------------------

    void started(ProcessSlot slot, long pid) {
        byPid.put(pid, slot);
        if (recorder != null) {
            recorder.started(pid);
        }
    }

    void ended(ProcessSlot slot, long pid) {
        byPid.remove(pid, slot);
        if (recorder != null) {
            recorder.ended(pid);
        }
    }

    // ---- recording one operation ------------------------------------------------------------------

    void record(PidRecorder r) {
        recorder = r;
    }

    void stopRecording(PidRecorder r) {
        if (recorder == r) {
            recorder = null;
        }
    }

    /** Pids that ran before an operation and still run, i.e. running now and not started by it. */
    Set<Long> runningExcept(Set<Long> started) {
        Set<Long> kept = new HashSet<>();
        for (Long pid : byPid.keySet()) {
            if (!started.contains(pid)) {
                kept.add(pid);
            }
        }
        return kept;
    }
}
