/**
 * Who may use the ZeroMQ channels (docs/security.md): CURVE key pairs in the ZeroMQ "zcert" text
 * format that pyzmq's {@code zmq.auth.load_certificate} reads ({@link io.circus.zmq.auth.CertificateFiles}),
 * the directory of authorised client keys ({@link io.circus.zmq.auth.AuthorizedKeys}), a ZAP handler
 * that admits CURVE clients by key and, on loopback without keys, local clients by uid
 * ({@link io.circus.zmq.auth.ZapAuthenticator}), and the per-socket set-up that ties each channel to it
 * ({@link io.circus.zmq.auth.ChannelGuard}). All the cryptography is JeroMQ's.
 *
 * <p>Internal to circus-zmq's channels apart from the key files ({@code circusctl keygen} writes them).
 *
 * <p>Threading: the ZAP handler runs on a thread of its own; each channel applies its guard on its
 * own socket thread; the peer directory is synchronized.
 */
package io.circus.zmq.auth;
