package io.circus.runtime.core;

import io.circus.process.Credentials;
import io.circus.process.SpawnException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves {@code uid} and {@code gid} (names or numbers) from /etc/passwd and /etc/group. A name
 * that does not resolve is a spawn error, counted by max_retry, as in Circus.
 */
final class CredentialResolver {

    private static final Path PASSWD = Path.of("/etc/passwd");
    private static final Path GROUP = Path.of("/etc/group");

    private CredentialResolver() {
    }

    /** @return null when neither uid nor gid is set */
    static Credentials resolve(String uid, String gid) throws SpawnException {
        if (uid == null && gid == null) {
            return null;
        }
        int userId = -1;
        int groupId = -1;
        String userName = null;
        if (uid != null) {
            String[] entry = find(PASSWD, uid, 2);
            if (entry == null) {
                throw new SpawnException("'" + uid + "' isn't a valid user name or id", 0);
            }
            userName = entry[0];
            userId = Integer.parseInt(entry[2]);
            groupId = Integer.parseInt(entry[3]);
        }
        if (gid != null) {
            String[] entry = find(GROUP, gid, 2);
            if (entry == null) {
                throw new SpawnException("no such group: '" + gid + "'", 0);
            }
            groupId = Integer.parseInt(entry[2]);
        }
        List<Integer> groups = new ArrayList<>();
        if (userName != null) {
            groups.add(groupId);
            for (String[] g : entries(GROUP)) {
                if (g.length > 3 && List.of(g[3].split(",")).contains(userName)) {
                    int id = Integer.parseInt(g[2]);
                    if (!groups.contains(id)) {
                        groups.add(id);
                    }
                }
            }
        }
        return new Credentials(userId, groupId, groups);
    }

    private static String[] find(Path file, String nameOrId, int idColumn) throws SpawnException {
        for (String[] e : entries(file)) {
            if (e.length > idColumn && (e[0].equals(nameOrId) || e[idColumn].equals(nameOrId))) {
                return e;
            }
        }
        return null;
    }

    private static List<String[]> entries(Path file) throws SpawnException {
        try {
            return Files.readAllLines(file).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split(":", -1))
                    .toList();
        } catch (IOException e) {
            throw new SpawnException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
