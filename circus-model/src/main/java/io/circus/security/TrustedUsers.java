package io.circus.security;

import io.circus.config.GlobalSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The local users trusted on a loopback channel without other authentication: the daemon's own
 * (effective) user, root, the user {@code endpoint_owner} names and the members of
 * {@code trusted_group}. A user trusted here can run any command as the daemon's user, exactly as
 * the owner of Circus's {@code ipc://} socket file can.
 *
 * <p>Immutable and thread-safe; group membership is read from /etc/passwd and /etc/group when the
 * rules are built, so a change there takes effect at the next start.
 */
public final class TrustedUsers {

    private final Set<Integer> uids;
    private final String description;

    private TrustedUsers(Set<Integer> uids, String description) {
        this.uids = Set.copyOf(uids);
        this.description = description;
    }

    /**
     * The rules of {@code [circus]}.
     *
     * @throws IllegalArgumentException when endpoint_owner or trusted_group names nobody
     */
    public static TrustedUsers of(GlobalSettings g) {
        return of(g.endpointOwner(), g.security().trustedGroup());
    }

    /** @param owner a user name or uid, or null; @param group a group name or gid, or null */
    public static TrustedUsers of(String owner, String group) {
        Set<Integer> uids = new TreeSet<>(List.of(0, daemonUid()));
        List<String> parts = new ArrayList<>(List.of("root", "the daemon's user (uid " + daemonUid() + ")"));
        List<String[]> passwd = entries(Path.of("/etc/passwd"));
        if (owner != null) {
            String[] user = find(passwd, owner);
            if (user == null) {
                throw new IllegalArgumentException("endpoint_owner '" + owner + "' is not a user of this machine");
            }
            uids.add(Integer.parseInt(user[2]));
            parts.add("endpoint_owner " + user[0]);
        }
        if (group != null) {
            String[] g = find(entries(Path.of("/etc/group")), group);
            if (g == null) {
                throw new IllegalArgumentException("trusted_group '" + group + "' is not a group of this machine");
            }
            List<String> members = g.length > 3 && !g[3].isEmpty() ? Arrays.asList(g[3].split(",")) : List.of();
            for (String[] user : passwd) {
                if (user.length > 3 && (user[3].equals(g[2]) || members.contains(user[0]))) {
                    uids.add(Integer.parseInt(user[2]));
                }
            }
            parts.add("members of group " + g[0]);
        }
        return new TrustedUsers(uids, String.join(", ", parts));
    }

    /** Whether {@code uid} may use a loopback channel without other authentication. */
    public boolean trusts(int uid) {
        return uids.contains(uid);
    }

    /** Who is trusted, for log lines and refusals. */
    public String description() {
        return description;
    }

    /** The effective uid of this JVM, from /proc/self/status. */
    public static int daemonUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/status", e);
        }
        throw new IllegalStateException("no Uid line in /proc/self/status");
    }

    private static String[] find(List<String[]> entries, String nameOrId) {
        for (String[] e : entries) {
            if (e.length > 2 && (e[0].equals(nameOrId) || e[2].equals(nameOrId))) {
                return e;
            }
        }
        return null;
    }

    private static List<String[]> entries(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split(":", -1))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
