package io.circus.config;

/**
 * Who may use the daemon's channels: the {@code [circus]} security options (docs/security.md).
 *
 * @param curveServerKey        zcert secret file of the server's CURVE key pair, or null for no CURVE
 * @param curveAuthorizedKeys   directory of zcert public files of the clients allowed in, or null
 * @param curvePubsub           whether the event and stats channels require CURVE too (when it is on)
 * @param trustedGroup          a group whose members are trusted local users, or null
 * @param insecureOpenEndpoints whether a channel may listen beyond loopback without authentication
 */
public record SecuritySettings(String curveServerKey, String curveAuthorizedKeys, boolean curvePubsub,
                               String trustedGroup, boolean insecureOpenEndpoints) {

    /** Loopback channels open to trusted local users only, no CURVE, nothing opened. */
    public static SecuritySettings defaults() {
        return new SecuritySettings(null, null, true, null, false);
    }

    /** Whether the ZeroMQ channels authenticate clients by CURVE key. */
    public boolean curve() {
        return curveServerKey != null;
    }
}
