/**
 * {@code circusctl keygen}: writes CURVE key pairs for the daemon and its clients in the zcert
 * format pyzmq reads (docs/security.md).
 *
 * <p>Internal to circus-console.
 *
 * <p>Threading: runs on circusctl's main thread.
 */
package io.circus.console.keys;
