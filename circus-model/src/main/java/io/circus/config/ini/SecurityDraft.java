package io.circus.config.ini;

import static io.circus.config.OptionValues.emptyToNull;
import static io.circus.config.OptionValues.parseBool;

import io.circus.config.SecuritySettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/** The security options of {@code [circus]} while they are read (docs/security.md). */
final class SecurityDraft {

    static final Map<String, BiConsumer<SecurityDraft, String>> SETTERS = new LinkedHashMap<>();

    static {
        SETTERS.put("curve_server_key", (d, v) -> d.curveServerKey = emptyToNull(v));
        SETTERS.put("curve_authorized_keys", (d, v) -> d.curveAuthorizedKeys = emptyToNull(v));
        SETTERS.put("curve_pubsub", (d, v) -> d.curvePubsub = parseBool(v));
        SETTERS.put("trusted_group", (d, v) -> d.trustedGroup = emptyToNull(v));
        SETTERS.put("insecure_open_endpoints", (d, v) -> d.insecureOpenEndpoints = parseBool(v));
    }

    private String curveServerKey;
    private String curveAuthorizedKeys;
    private boolean curvePubsub = true;
    private String trustedGroup;
    private boolean insecureOpenEndpoints;

    /** Names the key to report when CURVE is half configured, or null when it is not. */
    String halfConfiguredKey() {
        if ((curveServerKey == null) == (curveAuthorizedKeys == null)) {
            return null;
        }
        return curveServerKey == null ? "curve_authorized_keys" : "curve_server_key";
    }

    SecuritySettings build() {
        return new SecuritySettings(curveServerKey, curveAuthorizedKeys, curvePubsub, trustedGroup,
                insecureOpenEndpoints);
    }
}
