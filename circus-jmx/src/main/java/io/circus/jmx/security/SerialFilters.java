package io.circus.jmx.security;

import java.util.Map;

/**
 * What the RMI connector may deserialize: the credentials of a login (strings only) and the
 * parameters of calls (the open types of the MXBeans, JMX's own classes, a few java.lang and
 * java.util containers), in bounded graphs. Anything else (a gadget chain from a class path
 * library) is rejected before its readObject runs.
 */
public final class SerialFilters {

    /** {@code jmx.remote.rmi.server.credentials.filter.pattern}: a login sends a String[] only. */
    public static final String CREDENTIALS = "java.lang.String;!*";

    /** {@code jmx.remote.rmi.server.serial.filter.pattern}: the classes calls may carry. */
    public static final String PARAMETERS = "maxdepth=32;maxrefs=100000;maxarray=1000000;"
            + "java.lang.String;java.lang.Boolean;java.lang.Character;java.lang.Number;java.lang.Byte;java.lang.Short;"
            + "java.lang.Integer;java.lang.Long;java.lang.Float;java.lang.Double;java.lang.Enum;java.lang.Object;"
            + "java.lang.Void;java.math.BigDecimal;java.math.BigInteger;java.util.Date;"
            + "java.util.ArrayList;java.util.HashMap;java.util.LinkedHashMap;java.util.TreeMap;java.util.HashSet;"
            + "java.util.TreeSet;java.util.Collections$*;java.util.Arrays$ArrayList;java.util.ImmutableCollections$*;"
            + "java.util.CollSer;java.util.Vector;java.util.Locale;java.util.Map$Entry;java.util.KeyValueHolder;"
            + "javax.management.*;javax.management.openmbean.*;javax.management.remote.*;javax.management.relation.*;"
            + "javax.management.timer.*;javax.security.auth.Subject;javax.security.auth.Subject$*;"
            + "java.rmi.MarshalledObject;java.rmi.server.*;java.rmi.dgc.*;java.io.Serializable;"
            + "java.lang.StackTraceElement;java.lang.Throwable;java.lang.Exception;java.lang.RuntimeException;"
            + "!*";

    private SerialFilters() {
    }

    /** The connector environment entries that set both filters. */
    public static Map<String, String> environment() {
        return Map.of("jmx.remote.rmi.server.credentials.filter.pattern", CREDENTIALS,
                "jmx.remote.rmi.server.serial.filter.pattern", PARAMETERS);
    }
}
