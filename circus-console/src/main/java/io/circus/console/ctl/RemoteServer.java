package io.circus.console.ctl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;

/**
 * Interim bridge while circus-zmq's {@code Beans} takes an {@link MBeanServer}: presents a remote
 * connection as one, forwarding the {@link MBeanServerConnection} methods (all the dispatcher uses)
 * and refusing the local-only rest. A lost connection surfaces as {@link UncheckedIOException},
 * which the dispatcher reports as an OS error.
 */
final class RemoteServer {

    private RemoteServer() {
    }

    static MBeanServer over(MBeanServerConnection connection) {
        return (MBeanServer) Proxy.newProxyInstance(RemoteServer.class.getClassLoader(), new Class<?>[] {MBeanServer.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(connection, args);
                    }
                    java.lang.reflect.Method remote;
                    try {
                        // MBeanServer redeclares most connection methods; call the connection's own.
                        remote = MBeanServerConnection.class.getMethod(method.getName(), method.getParameterTypes());
                    } catch (NoSuchMethodException e) {
                        throw new UnsupportedOperationException(method.getName() + " is not available remotely");
                    }
                    try {
                        return remote.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof IOException io) {
                            throw new UncheckedIOException(io);
                        }
                        throw e.getCause();
                    }
                });
    }
}
