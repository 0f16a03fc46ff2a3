package io.circus.runtime.core;

import io.circus.process.OutputSink;
import io.circus.process.Stdio;

/** No stream configured: children write straight to the daemon's stdout and stderr, as in Circus. */
final class InheritedOutput implements WatcherOutput {

    static final WatcherOutputFactory FACTORY = config -> new InheritedOutput();

    @Override public Stdio stdout() { return Stdio.INHERIT; }
    @Override public Stdio stderr() { return Stdio.INHERIT; }
    @Override public OutputSink sink() { return null; }
    @Override public void reopen() { }
    @Override public void close() { }
}
