package io.circus.zmq.auth;

import io.circus.config.GlobalSettings;
import io.circus.config.SecuritySettings;
import io.circus.security.EndpointPolicy;
import io.circus.security.PeerCredentials;
import io.circus.security.TrustedUsers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Applies docs/security.md to the daemon's ZeroMQ channels. Built before any channel binds, it
 * refuses an unauthenticated channel beyond loopback ({@link EndpointPolicy}), reads the CURVE keys
 * and starts the {@link ZapAuthenticator}; then each channel's socket gets, before its bind,
 * {@link #secure(Channel)}: CURVE server keys, or a ZAP domain that admits trusted local users, or
 * (beyond loopback, opened on purpose) nothing. After the bind, {@link #bound} tells the handler the
 * port to look for.
 *
 * <p>Threading: built and closed by the facade's owner; {@link #secure}'s hooks run on each channel's
 * own thread, {@link #bound} on any.
 */
public final class ChannelGuard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelGuard.class);

    /** The three channels, with the option that sets each one's endpoint. */
    public enum Channel {
        CONTROL("control endpoint", "endpoint"),
        PUBSUB("event channel", "pubsub_endpoint"),
        STATS("stats stream", "stats_endpoint");

        final String label;
        final String option;

        Channel(String label, String option) {
            this.label = label;
            this.option = option;
        }

        String domainName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final SecuritySettings settings;
    private final Certificate serverKey;
    private final ZapAuthenticator zap;

    private ChannelGuard(SecuritySettings settings, Certificate serverKey, ZapAuthenticator zap) {
        this.settings = settings;
        this.serverKey = serverKey;
        this.zap = zap;
    }

    /**
     * Checks every configured channel and starts the ZAP handler on {@code context}.
     *
     * @param statsEndpoint the stats endpoint, or null when the stats stream is off
     * @throws IllegalStateException naming the option and what to configure, when a channel would be
     *                               unsafe or a key cannot be read; nothing is bound then
     */
    public static ChannelGuard start(ZContext context, GlobalSettings g, String statsEndpoint) {
        SecuritySettings s = g.security();
        EndpointPolicy policy = EndpointPolicy.of(g);
        String how = "set curve_server_key and curve_authorized_keys (keys from circusctl keygen)";
        policy.requireSafe(Channel.CONTROL.label, Channel.CONTROL.option, g.endpoint(), s.curve(), how);
        boolean eventsCurve = s.curve() && s.curvePubsub();
        String eventsHow = s.curve() ? "set curve_pubsub = true" : how;
        policy.requireSafe(Channel.PUBSUB.label, Channel.PUBSUB.option, g.pubsubEndpoint(), eventsCurve, eventsHow);
        if (statsEndpoint != null) {
            policy.requireSafe(Channel.STATS.label, Channel.STATS.option, statsEndpoint, eventsCurve, eventsHow);
        }
        Certificate serverKey = null;
        AuthorizedKeys keys = null;
        TrustedUsers trusted;
        try {
            trusted = TrustedUsers.of(g);
            if (s.curve()) {
                serverKey = CertificateFiles.readSecret(Path.of(s.curveServerKey()), "curve_server_key");
                keys = new AuthorizedKeys(Path.of(s.curveAuthorizedKeys()));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        ZapAuthenticator zap = new ZapAuthenticator(context, keys, trusted, new PeerCredentials());
        zap.start();
        if (serverKey != null) {
            LOG.info("CURVE on (server key {}...), {} authorised client key(s)", serverKey.fingerprint(), keys.size());
        }
        LOG.info("loopback channels without CURVE admit {}", trusted.description());
        return new ChannelGuard(s, serverKey, zap);
    }

    /** What to do to the channel's socket before it binds {@code endpoint}. */
    public Consumer<ZMQ.Socket> secure(Channel channel, String endpoint) {
        boolean curve = serverKey != null && (channel == Channel.CONTROL || settings.curvePubsub());
        if (curve) {
            return socket -> {
                socket.setCurveServer(true);
                socket.setCurveSecretKey(serverKey.secretKeyBytes());
                socket.setZAPDomain(ZapAuthenticator.CURVE_DOMAIN);
            };
        }
        if (EndpointPolicy.isLoopback(endpoint)) {
            return socket -> socket.setZAPDomain(ZapAuthenticator.localDomain(channel.domainName()));
        }
        LOG.warn("{} {} = {} is open to anyone who can reach it (insecure_open_endpoints = true)", channel.label,
                channel.option, endpoint);
        return socket -> { };
    }

    /** Tells the handler where the channel listens; call it with the socket's last endpoint. */
    public void bound(Channel channel, String lastEndpoint) {
        zap.registerLocal(channel.domainName(), BoundPort.of(lastEndpoint));
    }

    /** The server's public key, when CURVE is on (clients need it). */
    public Certificate serverPublicKey() {
        return serverKey == null ? null : new Certificate(serverKey.publicKey(), null);
    }

    @Override
    public void close() {
        zap.close();
    }
}
