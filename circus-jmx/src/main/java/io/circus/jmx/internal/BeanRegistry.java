package io.circus.jmx.internal;

import io.circus.jmx.ArbiterMXBean;
import io.circus.jmx.CircusNames;
import io.circus.jmx.ProcessMXBean;
import io.circus.jmx.SocketInfo;
import io.circus.jmx.SocketMXBean;
import io.circus.jmx.WatcherMXBean;
import io.circus.runtime.SupervisedProcess;
import io.circus.runtime.Watcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the registered beans equal to the model: one Watcher bean per watcher, one Process bean per
 * slot, one Socket bean per socket. The runtime's topology changes register and unregister the one
 * bean they name (a slot is added before its first event, so a spawn notification comes from its
 * Process bean); {@link #reconcile()}, which compares with {@code Arbiter.watchers()} and every
 * {@code Watcher.processes()}, runs only when the agent starts and after a change was lost.
 *
 * <p>Threading: confined to the dispatcher thread, except before the dispatcher starts and after it
 * has stopped. A name already taken by someone else is logged once and left alone (as HikariCP
 * does), never clobbered; only names this registry registered are ever unregistered.
 */
final class BeanRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(BeanRegistry.class);

    private final MBeanServer server;
    private final AgentContext ctx;
    /** By lower-case name, as Circus looks watchers up. */
    private final Map<String, WatcherEntry> watchers = new HashMap<>();
    private final Map<String, SocketBean> sockets = new HashMap<>();
    private final List<ObjectName> fixed = new ArrayList<>();

    private static final class WatcherEntry {
        final WatcherBean bean;
        final ObjectName name;
        final boolean registered;
        final Map<Integer, ProcessBean> processes = new TreeMap<>();
        final Map<Integer, Boolean> registeredProcesses = new HashMap<>();

        WatcherEntry(WatcherBean bean, ObjectName name, boolean registered) {
            this.bean = bean;
            this.name = name;
            this.registered = registered;
        }
    }

    BeanRegistry(MBeanServer server, AgentContext ctx) {
        this.server = server;
        this.ctx = ctx;
    }

    /** @throws IllegalStateException when the name is taken: a second arbiter in this JVM */
    void registerArbiter(ArbiterBean bean, Emitter emitter) {
        try {
            server.registerMBean(new AnnotatedMBean<>(bean, ArbiterMXBean.class, emitter.broadcaster()), emitter.name());
            fixed.add(emitter.name());
        } catch (JMException e) {
            throw new IllegalStateException("cannot register " + emitter.name() + ": " + e.getMessage()
                    + " (is another arbiter exposed in this JVM?)");
        }
    }

    /** @throws IllegalStateException when the name is taken */
    void registerAudit(io.circus.jmx.audit.AuditTrail trail) {
        try {
            server.registerMBean(new AnnotatedMBean<>(trail, io.circus.jmx.audit.AuditMXBean.class,
                    trail.broadcaster()), io.circus.jmx.audit.AuditTrail.NAME);
            fixed.add(io.circus.jmx.audit.AuditTrail.NAME);
        } catch (JMException e) {
            throw new IllegalStateException("cannot register " + io.circus.jmx.audit.AuditTrail.NAME + ": "
                    + e.getMessage());
        }
    }

    WatcherBean watcherBean(String watcher) {
        WatcherEntry e = ensureWatcher(watcher);
        return e == null ? null : e.bean;
    }

    ProcessBean processBean(String watcher, int wid) {
        WatcherEntry e = ensureWatcher(watcher);
        if (e == null) {
            return null;
        }
        return e.processes.get(wid);
    }

    void watcherAdded(Watcher w) {
        ensureWatcher(w);
    }

    void watcherRemoved(Watcher w) {
        WatcherEntry e = watchers.get(key(w.name()));
        if (e != null && e.bean.watcher() == w) {
            unregisterWatcher(key(w.name()));
        }
    }

    void slotAdded(Watcher w, SupervisedProcess slot) {
        WatcherEntry e = watchers.get(key(w.name()));
        if (e == null) {
            if (ctx.arbiter().watcher(w.name()).orElse(null) != w) {
                return; // Already removed: its slots are not shown.
            }
            e = ensureWatcher(w);
        } else if (e.bean.watcher() != w) {
            return;
        }
        ProcessBean bean = e.processes.get(slot.wid());
        if (bean == null) {
            registerProcess(e, slot);
        } else if (bean.slot() != slot) {
            bean.slot(slot);
        }
    }

    void slotRemoved(Watcher w, SupervisedProcess slot) {
        WatcherEntry e = watchers.get(key(w.name()));
        if (e == null || e.bean.watcher() != w) {
            return;
        }
        ProcessBean bean = e.processes.get(slot.wid());
        if (bean != null && bean.slot() == slot) {
            unregisterProcess(e, slot.wid());
        }
    }

    /** Registers what exists and is missing, unregisters what no longer exists. */
    void reconcile() {
        Map<String, Watcher> live = new HashMap<>();
        for (Watcher w : ctx.arbiter().watchers()) {
            live.put(key(w.name()), w);
        }
        for (String k : List.copyOf(watchers.keySet())) {
            Watcher w = live.get(k);
            if (w == null || !w.name().equals(watchers.get(k).bean.watcher().name())) {
                unregisterWatcher(k);
            }
        }
        for (Watcher w : live.values()) {
            WatcherEntry e = ensureWatcher(w);
            reconcileProcesses(e, w);
        }
    }

    private void reconcileProcesses(WatcherEntry e, Watcher w) {
        Map<Integer, SupervisedProcess> slots = new HashMap<>();
        for (SupervisedProcess slot : w.processes()) {
            slots.put(slot.wid(), slot);
        }
        for (Integer wid : List.copyOf(e.processes.keySet())) {
            if (!slots.containsKey(wid)) {
                unregisterProcess(e, wid);
            }
        }
        for (SupervisedProcess slot : slots.values()) {
            ProcessBean bean = e.processes.get(slot.wid());
            if (bean == null) {
                registerProcess(e, slot);
            } else if (bean.slot() != slot) {
                bean.slot(slot);
            }
        }
    }

    /** Makes the Socket beans match this list (by name). */
    void reconcileSockets(List<SocketInfo> infos) {
        Map<String, SocketInfo> live = new HashMap<>();
        infos.forEach(i -> live.put(i.name(), i));
        for (String name : List.copyOf(sockets.keySet())) {
            if (!live.containsKey(name)) {
                sockets.remove(name);
                unregister(CircusNames.socket(name));
            }
        }
        live.forEach((name, info) -> {
            SocketBean bean = sockets.get(name);
            if (bean != null) {
                bean.info(info);
                return;
            }
            bean = new SocketBean(info);
            ObjectName on = CircusNames.socket(name);
            if (register(new AnnotatedMBean<>(bean, SocketMXBean.class,
                    new Emitter(on, new javax.management.MBeanNotificationInfo[0]).broadcaster()), on)) {
                sockets.put(name, bean);
            }
        });
    }

    /** Unregisters every bean this registry registered. */
    void unregisterAll() {
        for (String k : List.copyOf(watchers.keySet())) {
            unregisterWatcher(k);
        }
        for (String name : List.copyOf(sockets.keySet())) {
            unregister(CircusNames.socket(name));
        }
        sockets.clear();
        fixed.forEach(this::unregister);
        fixed.clear();
    }

    private WatcherEntry ensureWatcher(String name) {
        if (name == null) {
            return null;
        }
        WatcherEntry e = watchers.get(key(name));
        if (e != null) {
            return e;
        }
        Watcher w = ctx.arbiter().watcher(name).orElse(null);
        return w == null ? null : ensureWatcher(w);
    }

    private WatcherEntry ensureWatcher(Watcher w) {
        WatcherEntry e = watchers.get(key(w.name()));
        if (e != null) {
            if (e.bean.watcher() != w) {
                e.bean.watcher(w);
            }
            return e;
        }
        ObjectName on = CircusNames.watcher(w.name());
        Emitter emitter = new Emitter(on, EventNotifications.infos(EventNotifications.Level.WATCHER));
        WatcherBean bean = new WatcherBean(ctx, w, emitter);
        e = new WatcherEntry(bean, on, register(new AnnotatedMBean<>(bean, WatcherMXBean.class, emitter.broadcaster()), on));
        watchers.put(key(w.name()), e);
        return e;
    }

    private ProcessBean registerProcess(WatcherEntry e, SupervisedProcess slot) {
        ObjectName on = CircusNames.process(e.bean.watcher().name(), slot.wid());
        Emitter emitter = new Emitter(on, EventNotifications.infos(EventNotifications.Level.PROCESS));
        ProcessBean bean = new ProcessBean(ctx, slot, emitter);
        e.processes.put(slot.wid(), bean);
        e.registeredProcesses.put(slot.wid(), register(new AnnotatedMBean<>(bean, ProcessMXBean.class,
                emitter.broadcaster()), on));
        return bean;
    }

    private void unregisterWatcher(String k) {
        WatcherEntry e = watchers.remove(k);
        for (Integer wid : List.copyOf(e.processes.keySet())) {
            unregisterProcess(e, wid);
        }
        if (e.registered) {
            unregister(e.name);
        }
    }

    private void unregisterProcess(WatcherEntry e, int wid) {
        ProcessBean bean = e.processes.remove(wid);
        if (Boolean.TRUE.equals(e.registeredProcesses.remove(wid))) {
            // The name it was registered under: parsing a new one (and interning its canonical form)
            // was a quarter of what the dispatcher allocated in a stop of 10,000.
            unregister(bean != null ? bean.name() : CircusNames.process(e.bean.watcher().name(), wid));
        }
    }

    private boolean register(Object mbean, ObjectName name) {
        try {
            server.registerMBean(mbean, name);
            return true;
        } catch (JMException e) {
            LOG.warn("JMX: cannot register {}: {}; left to its current owner", name, e.toString());
            return false;
        }
    }

    private void unregister(ObjectName name) {
        try {
            server.unregisterMBean(name);
        } catch (JMException e) {
            LOG.debug("JMX: {} was already unregistered", name);
        }
    }

    private static String key(String watcher) {
        return watcher.toLowerCase(Locale.ROOT);
    }
}
