package io.circus.jmx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.event.Event;
import io.circus.event.EventType;
import io.circus.jmx.CircusNames;
import io.circus.runtime.Arbiter;
import io.circus.runtime.ProcessState;
import io.circus.runtime.SupervisedProcess;
import io.circus.runtime.Watcher;
import io.circus.stats.ProcessSampler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * Handling one event or one topology change must touch the process it names, not the fleet: with
 * 10,000 slots registered, a spawn, a slot removed and a slot added read at most those slots and
 * never list the watcher's processes. Fakes stand in for the runtime so every read is counted.
 */
class EventDispatcherScaleTest {

    private static final int SLOTS = 10_000;

    /** Slots read since the last reset, and calls that list a whole watcher. */
    private final Set<Integer> touched = ConcurrentHashMap.newKeySet();
    private final AtomicInteger listings = new AtomicInteger();
    /** What the fake watcher answers to processes(). */
    private final List<SupervisedProcess> slots = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void oneEventTouchesOneProcess() {
        Watcher watcher = fakeWatcher("big");
        Arbiter arbiter = fakeArbiter(watcher);
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        AgentContext ctx = new AgentContext(arbiter, new Completion(Duration.ofSeconds(5), () -> { }),
                new StatsAssembler(new ProcessSampler()));
        BeanRegistry registry = new BeanRegistry(server, ctx);
        Emitter emitter = new Emitter(CircusNames.ARBITER, EventNotifications.infos(EventNotifications.Level.ARBITER));
        EventDispatcher dispatcher = new EventDispatcher(registry, emitter, List::of);
        dispatcher.start();
        try {
            dispatcher.watcherAdded(watcher);
            for (int wid = 1; wid <= SLOTS; wid++) {
                slots.add(fakeSlot(wid));
            }
            slots.forEach(slot -> dispatcher.slotAdded(watcher, slot));
            dispatcher.flush(Duration.ofSeconds(60));
            assertEquals(SLOTS, processBeans(server), "one Process bean per slot");

            touched.clear();
            listings.set(0);
            dispatcher.onEvent(new Event(1, EventType.SPAWN, "big", 5000, 105_000, 0, Map.of("time", 1.0)));
            dispatcher.onEvent(new Event(2, EventType.REAP, "big", 42, 100_042, 0, Map.of("cause", "exited")));
            SupervisedProcess removed = slotOf(registry, 42);
            SupervisedProcess added = fakeSlot(SLOTS + 1);
            slots.remove(removed);
            slots.add(added);
            dispatcher.slotRemoved(watcher, removed);
            dispatcher.slotAdded(watcher, added);
            dispatcher.flush(Duration.ofSeconds(60));

            assertEquals(0, listings.get(), "no event lists the watcher's processes or pids");
            assertTrue(touched.size() <= 3, "slots read while handling four changes: " + touched.size());
            assertFalse(server.isRegistered(CircusNames.process("big", 42)), "the removed slot's bean is gone");
            assertTrue(server.isRegistered(CircusNames.process("big", SLOTS + 1)), "the added slot has a bean");
            assertEquals(SLOTS, processBeans(server));
        } finally {
            dispatcher.stop(Duration.ofSeconds(10));
            registry.unregisterAll();
        }
    }

    private static int processBeans(MBeanServer server) {
        try {
            return server.queryNames(new ObjectName("circus:type=Process,*"), null).size();
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SupervisedProcess slotOf(BeanRegistry registry, int wid) {
        return registry.processBean("big", wid).slot();
    }

    private SupervisedProcess fakeSlot(int wid) {
        return (SupervisedProcess) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SupervisedProcess.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "hashCode": return System.identityHashCode(proxy);
                        case "equals": return proxy == args[0];
                        case "toString": return "slot " + wid;
                        default: break;
                    }
                    touched.add(wid);
                    return switch (method.getName()) {
                        case "watcherName" -> "big";
                        case "wid" -> wid;
                        case "pid" -> 100_000L + wid;
                        case "state" -> ProcessState.RUNNING;
                        case "commandLine" -> List.of("sleep", "3600");
                        default -> 0;
                    };
                });
    }

    private Watcher fakeWatcher(String name) {
        return (Watcher) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Watcher.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "name", "toString" -> name;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "processes" -> {
                        listings.incrementAndGet();
                        yield List.copyOf(slots);
                    }
                    case "pids" -> {
                        listings.incrementAndGet();
                        yield slots.stream().map(SupervisedProcess::pid).toList();
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Arbiter fakeArbiter(Watcher watcher) {
        return (Arbiter) Proxy.newProxyInstance(EventDispatcherScaleTest.class.getClassLoader(),
                new Class<?>[] {Arbiter.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "watchers" -> List.of(watcher);
                    case "watcher" -> watcher.name().equalsIgnoreCase((String) args[0])
                            ? Optional.of(watcher) : Optional.empty();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "fake arbiter";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
