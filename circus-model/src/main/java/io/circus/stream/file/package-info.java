/**
 * The file stream targets, {@code FileStream}, {@code WatchedFileStream} and
 * {@code TimedRotatingFileStream}. Constructors only parse options (so
 * {@link io.circus.stream.LogStreams#validate} can use them); every file operation runs on the
 * {@link io.circus.stream.StreamWriter} thread.
 */
package io.circus.stream.file;
