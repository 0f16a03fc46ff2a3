package io.circus.process;

import java.util.List;

/**
 * Numeric identity a child runs as. Names are resolved by the caller before spawning, so a bad
 * name is a spawn error with a clear message rather than a failure inside the child.
 *
 * @param uid    user id, or -1 to keep the daemon's
 * @param gid    group id, or -1 to keep the daemon's
 * @param groups supplementary groups (from the user's entry when a uid is given); empty to leave as is
 */
public record Credentials(int uid, int gid, List<Integer> groups) {
    public Credentials {
        groups = List.copyOf(groups);
    }

    public boolean setsUid() {
        return uid >= 0;
    }

    public boolean setsGid() {
        return gid >= 0;
    }
}
