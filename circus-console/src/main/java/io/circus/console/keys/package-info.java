/**
 * {@code circusctl keygen}: writes CURVE key pairs for the daemon and its clients in the zcert
 * format pyzmq reads (docs/security.md).
 */
package io.circus.console.keys;
