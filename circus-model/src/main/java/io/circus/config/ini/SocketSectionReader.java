package io.circus.config.ini;

import static io.circus.config.OptionValues.emptyToNull;
import static io.circus.config.OptionValues.parseBool;
import static io.circus.config.OptionValues.parseInt;

import io.circus.config.ConfigException;
import io.circus.config.OptionValues;
import io.circus.config.SocketConfig;
import io.circus.config.VariableSubstitutor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@code [socket:NAME]} section, converted as Circus's {@code CircusSocket.load_from_config} does:
 * name lower-cased, {@code umask} decimal, family/type names upper-cased, a path forcing AF_UNIX.
 */
final class SocketSectionReader {

    static final String PREFIX = "socket:";

    private static final Set<String> KEYS = Set.of("host", "port", "path", "family", "type", "proto", "backlog",
            "interface", "umask", "replace", "so_reuseport", "blocking");
    private static final Set<String> FAMILIES = Set.of("AF_INET", "AF_INET6", "AF_UNIX");
    private static final Set<String> TYPES = Set.of("SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_RDM",
            "SOCK_SEQPACKET");
    // getprotobyname's usual answers; /etc/protocols is not on every minimal system.
    private static final Map<String, Integer> PROTOCOLS = Map.ofEntries(Map.entry("ip", 0), Map.entry("icmp", 1),
            Map.entry("igmp", 2), Map.entry("tcp", 6), Map.entry("udp", 17), Map.entry("ipv6", 41),
            Map.entry("gre", 47), Map.entry("esp", 50), Map.entry("ah", 51), Map.entry("ipv6-icmp", 58),
            Map.entry("icmpv6", 58), Map.entry("sctp", 132), Map.entry("udplite", 136), Map.entry("raw", 255));

    private SocketSectionReader() {
    }

    static Set<String> knownKeys() {
        return KEYS;
    }

    static SocketConfig read(IniDocument doc, String section, Map<String, String> env, Warnings warnings)
            throws ConfigException {
        String name = section.substring(PREFIX.length()).strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw new ConfigException(doc.fileOf(section), section, null, null, "the socket has no name");
        }
        Map<String, String> v = new LinkedHashMap<>();
        Map<String, IniEntry> items = doc.items(section);
        for (Map.Entry<String, IniEntry> item : items.entrySet()) {
            IniEntry e = item.getValue();
            if (KEYS.contains(item.getKey())) {
                v.put(item.getKey(), VariableSubstitutor.substituteEnv(e.value(), env));
            } else if (!e.inherited()) {
                warnings.add(section, item.getKey(), e, "unknown socket option, ignored"
                        + SpellingAdvisor.hint(item.getKey(), KEYS));
            }
        }
        Converter c = new Converter(section, items, v);
        String path = emptyToNull(v.get("path"));
        String family = c.convert("family", "AF_INET", s -> oneOf(s.toUpperCase(Locale.ROOT), FAMILIES));
        if (path != null) {
            family = "AF_UNIX";
        } else if (family.equals("AF_UNIX")) {
            throw new ConfigException(doc.fileOf(section), section, "family", "AF_UNIX", "AF_UNIX needs a path");
        }
        int umask = c.convert("umask", 8, s -> range(parseInt(s), 0, 511, "a decimal umask 0..511"));
        String umaskText = v.getOrDefault("umask", "").strip();
        if (umaskText.length() > 1 && umaskText.startsWith("0")) {
            warnings.add(section, "umask", items.get("umask"), "the socket umask is decimal, as in Circus: '"
                    + umaskText + "' means " + umask + " (octal " + Integer.toOctalString(umask) + ")");
        }
        return new SocketConfig(name,
                c.convert("host", "localhost", OptionValues::requireText),
                c.convert("port", 8080, s -> range(parseInt(s), 0, 65535, "a port number 0..65535")),
                path,
                family,
                c.convert("type", "SOCK_STREAM", s -> oneOf(s.toUpperCase(Locale.ROOT), TYPES)),
                c.convert("proto", 0, SocketSectionReader::protocol),
                c.convert("backlog", 2048, s -> parseInt(s, 0)),
                emptyToNull(v.get("interface")),
                umask,
                c.convert("replace", false, s -> parseBool(s)),
                c.convert("so_reuseport", false, s -> parseBool(s)),
                c.convert("blocking", false, s -> parseBool(s)));
    }

    private static String oneOf(String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("expected one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    private static int range(int value, int min, int max, String expected) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("expected " + expected);
        }
        return value;
    }

    private static int protocol(String s) {
        String p = s.strip();
        if (p.chars().allMatch(Character::isDigit) && !p.isEmpty()) {
            return range(parseInt(p), 0, 255, "a protocol number 0..255");
        }
        Integer number = PROTOCOLS.get(p.toLowerCase(Locale.ROOT));
        if (number == null) {
            throw new IllegalArgumentException("unknown protocol (expected a number or one of "
                    + String.join(", ", PROTOCOLS.keySet().stream().sorted().toList()) + ")");
        }
        return number;
    }

    /** Converts one value, turning a failure into an error naming the entry. */
    private record Converter(String section, Map<String, IniEntry> items, Map<String, String> values) {

        interface Conversion<T> {
            T apply(String value);
        }

        <T> T convert(String key, T fallback, Conversion<T> conversion) throws ConfigException {
            String value = values.get(key);
            if (value == null) {
                return fallback;
            }
            try {
                return conversion.apply(value);
            } catch (IllegalArgumentException e) {
                throw items.get(key).error(section, key, value, e.getMessage());
            }
        }
    }
}
