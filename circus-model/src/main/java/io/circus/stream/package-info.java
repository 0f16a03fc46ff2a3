/**
 * Output streams: where the stdout and stderr of a watcher's processes go (Circus's
 * {@code stdout_stream} / {@code stderr_stream}).
 *
 * <p>Threading model: the launcher's I/O thread hands chunks to a {@link io.circus.stream.StreamSink},
 * which copies them into the watcher's {@link io.circus.stream.LogStream}s; a stream only queues them.
 * One {@link io.circus.stream.StreamWriter} thread per daemon does all file and terminal I/O, running
 * each stream's {@link io.circus.stream.StreamTarget} in queue order. Nothing is dropped; the backlog is
 * measured and a warning logged past a high-water mark. See docs/streams.md.
 */
package io.circus.stream;
