package io.circus.jmx.security;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.remote.JMXPrincipal;
import javax.management.remote.MBeanServerForwarder;
import javax.security.auth.Subject;

/**
 * The connector's access control, in front of the MBeanServer: each remote call is allowed or
 * refused by the caller's {@link Role}.
 * <ul>
 *   <li>monitor: reads (attributes, MBean info, queries), notification listeners, and the INFO
 *       operations of the {@code circus} beans (list, stats, ...);</li>
 *   <li>control: also every other operation and attribute writes;</li>
 *   <li>nobody, remotely: creating, registering or unregistering MBeans, class loaders,
 *       deserialization helpers.</li>
 * </ul>
 * The role comes from the access file ({@code user monitor|control}, or the JDK's
 * {@code readonly|readwrite}) by the authenticated principal; a principal it does not name gets
 * nothing. Without a password file (a loopback connector behind the uid check) everyone admitted has
 * control; with a password file but no access file, every authenticated user has control (as with
 * the JDK's agent).
 *
 * <p>Thread-safe: immutable after construction.
 */
public final class RoleAccessController implements InvocationHandler {

    private static final Set<String> READS = Set.of("getAttribute", "getAttributes", "getMBeanInfo", "queryNames",
            "queryMBeans", "isRegistered", "getMBeanCount", "getDefaultDomain", "getDomains", "isInstanceOf",
            "getObjectInstance", "addNotificationListener", "removeNotificationListener");
    private static final Set<String> WRITES = Set.of("setAttribute", "setAttributes", "invoke");
    /** The connector's own calls while it unmarshals parameters; no client can make them. */
    private static final Set<String> CONNECTOR_INTERNAL = Set.of("getClassLoaderRepository", "getClassLoader",
            "getClassLoaderFor");

    private final Map<String, Role> roles;
    private volatile MBeanServer target;

    private RoleAccessController(Map<String, Role> roles) {
        this.roles = roles;
    }

    /**
     * @param accessFile the access file, or null
     * @throws IOException naming the file and line of a bad entry
     */
    public static MBeanServerForwarder create(Path accessFile) throws IOException {
        Map<String, Role> roles = accessFile == null ? null : read(accessFile);
        RoleAccessController c = new RoleAccessController(roles);
        return (MBeanServerForwarder) Proxy.newProxyInstance(RoleAccessController.class.getClassLoader(),
                new Class<?>[] {MBeanServerForwarder.class}, c);
    }

    static Map<String, Role> read(Path file) throws IOException {
        Map<String, Role> roles = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            Role role = words.length < 2 ? null : Role.parse(words[1]);
            if (role == null) {
                throw new IOException("jmx_access_file " + file + " line " + (i + 1) + ": expected 'USER monitor' or "
                        + "'USER control' (or the JDK's readonly / readwrite), not '" + line + "'");
            }
            roles.put(words[0], role);
        }
        return roles;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "getMBeanServer":
                return target;
            case "setMBeanServer":
                target = (MBeanServer) args[0];
                return null;
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            case "toString":
                return "RoleAccessController";
            default:
                break;
        }
        check(name, args);
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void check(String operation, Object[] args) throws Exception {
        if (CONNECTOR_INTERNAL.contains(operation)) {
            return;
        }
        Role role = role();
        if (READS.contains(operation)) {
            if (role == null) {
                throw new SecurityException("access denied: no role for this user in jmx_access_file");
            }
            return;
        }
        if (!WRITES.contains(operation)) {
            throw new SecurityException("access denied: " + operation + " is not allowed over the JMX connector");
        }
        if (role == Role.CONTROL) {
            return;
        }
        if (role == Role.MONITOR && operation.equals("invoke") && isCircusInfo((ObjectName) args[0],
                (String) args[1], (String[]) args[3])) {
            return;
        }
        throw new SecurityException("access denied: " + operation + (operation.equals("invoke") ? " " + args[1] : "")
                + " needs the control role" + (role == null ? "" : "; this user has " + role.name().toLowerCase()));
    }

    private boolean isCircusInfo(ObjectName name, String operation, String[] signature) throws Exception {
        if (!"circus".equals(name.getDomain())) {
            return false;
        }
        int arity = signature == null ? 0 : signature.length;
        for (MBeanOperationInfo op : target.getMBeanInfo(name).getOperations()) {
            if (op.getName().equals(operation) && op.getSignature().length == arity) {
                return op.getImpact() == MBeanOperationInfo.INFO;
            }
        }
        return false;
    }

    private Role role() {
        Subject subject = Subject.current();
        if (subject == null || subject.getPrincipals(JMXPrincipal.class).isEmpty()) {
            // A client call always runs as its authenticated Subject when there is a password file;
            // without a Subject it is the connector's own bookkeeping (its notification buffer), or
            // a loopback connector without passwords, whose clients passed the uid check.
            return Role.CONTROL;
        }
        if (roles == null) {
            return Role.CONTROL;
        }
        Role best = null;
        for (Principal p : subject.getPrincipals(JMXPrincipal.class)) {
            Role r = roles.get(p.getName());
            if (r == Role.CONTROL) {
                return r;
            }
            best = r != null ? r : best;
        }
        return best;
    }
}
