/**
 * The file stream targets, {@code FileStream}, {@code WatchedFileStream} and
 * {@code TimedRotatingFileStream}. Constructors only parse options (so
 * {@link io.circus.stream.LogStreams#validate} can use them); every file operation runs on the
 * {@link io.circus.stream.StreamWriter} thread.
 *
 * <p>Internal to the stream package (constructed by name from the configuration).
 *
 * <p>Threading: all file I/O on the one StreamWriter thread, as said above; nothing else touches a
 * target.
 */
package io.circus.stream.file;
