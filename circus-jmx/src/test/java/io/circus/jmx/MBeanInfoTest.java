package io.circus.jmx;

import static io.circus.testing.TestChildren.sleepers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circus.config.CircusConfig;
import io.circus.config.SocketConfig;
import io.circus.testing.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.ObjectName;
import javax.management.openmbean.OpenType;
import org.junit.jupiter.api.Test;

/**
 * Every registered bean documents itself: JConsole, VisualVM and jmx_exporter (whose metric help is
 * the attribute description) show real text, real parameter names and real impacts.
 */
class MBeanInfoTest {

    private static final Pattern GENERATED_NAME = Pattern.compile("p\\d+");
    private static final Set<String> JDK_DEFAULTS = Set.of("Attribute exposed for management",
            "Operation exposed for management", "Information on the management interface of the MBean");

    static CircusConfig withSocket(CircusConfig c) {
        SocketConfig web = new SocketConfig("web", "127.0.0.1", 8080, null, "AF_INET", "SOCK_STREAM", 0, 2048, null,
                0, false, false, false);
        return CircusConfig.builder().watchers(c.watchers()).sockets(List.of(web)).build();
    }

    @Test
    void everyBeanHasDescriptionsParameterNamesImpactsAndOpenTypes() throws Exception {
        CircusConfig config = withSocket(CircusConfig.of(List.of(sleepers("sleepers", 1).build())));
        try (ManagedArbiter m = ManagedArbiter.started(config)) {
            Await.until("process bean", () -> m.count(CircusNames.PROCESSES) == 1);
            Set<ObjectName> names = m.mbsc.queryNames(CircusNames.ALL, null);
            assertEquals(Set.of("Arbiter", "Audit", "Watcher", "Process", "Socket"),
                    names.stream().map(n -> n.getKeyProperty("type")).collect(java.util.stream.Collectors.toSet()));

            List<String> problems = new ArrayList<>();
            for (ObjectName name : names) {
                MBeanInfo info = m.mbsc.getMBeanInfo(name);
                check(problems, name + " bean", info.getDescription());
                for (MBeanAttributeInfo a : info.getAttributes()) {
                    check(problems, name + " attribute " + a.getName(), a.getDescription());
                    if (!(a.getDescriptor().getFieldValue("openType") instanceof OpenType<?>)) {
                        problems.add(name + " attribute " + a.getName() + " has no open type");
                    }
                }
                for (MBeanOperationInfo op : info.getOperations()) {
                    String what = name + " operation " + op.getName();
                    check(problems, what, op.getDescription());
                    if (op.getImpact() == MBeanOperationInfo.UNKNOWN) {
                        problems.add(what + " has impact UNKNOWN");
                    }
                    if (!(op.getDescriptor().getFieldValue("openType") instanceof OpenType<?>)) {
                        problems.add(what + " returns no open type");
                    }
                    for (MBeanParameterInfo p : op.getSignature()) {
                        if (GENERATED_NAME.matcher(p.getName()).matches()) {
                            problems.add(what + " has a generated parameter name " + p.getName());
                        }
                        check(problems, what + " parameter " + p.getName(), p.getDescription());
                        if (p.getDescription().equals(p.getName())) {
                            problems.add(what + " parameter " + p.getName() + " is described by its name only");
                        }
                    }
                }
                for (MBeanNotificationInfo n : info.getNotifications()) {
                    check(problems, name + " notification " + String.join(",", n.getNotifTypes()), n.getDescription());
                }
            }
            assertEquals(List.of(), problems);
        }
    }

    private static void check(List<String> problems, String what, String description) {
        if (description == null || description.isBlank() || JDK_DEFAULTS.contains(description)) {
            problems.add(what + " has no description");
        }
    }

    @Test
    void watcherBeansDeclareEveryNotificationTheySend() throws Exception {
        try (ManagedArbiter m = ManagedArbiter.started(sleepers("sleepers", 1).build())) {
            Set<String> declared = new java.util.HashSet<>();
            for (MBeanNotificationInfo n : m.mbsc.getMBeanInfo(CircusNames.watcher("sleepers")).getNotifications()) {
                declared.addAll(List.of(n.getNotifTypes()));
            }
            for (String type : List.of(NotificationTypes.SPAWN, NotificationTypes.REAP, NotificationTypes.KILL,
                    NotificationTypes.START, NotificationTypes.STOP, NotificationTypes.RELOAD, NotificationTypes.UPDATED,
                    NotificationTypes.ADD, NotificationTypes.REMOVE, NotificationTypes.SPAWN_FAILED, NotificationTypes.STATE,
                    javax.management.AttributeChangeNotification.ATTRIBUTE_CHANGE)) {
                assertTrue(declared.contains(type), type + " declared in " + declared);
            }
        }
    }
}
