package io.circus.stream.file;

import io.circus.stream.StreamOptions;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * One log file opened for appending, with a write buffer that the writer flushes at the end of each
 * batch, and the size the file will have once flushed (for size-based rotation).
 *
 * <p>Threading: not thread-safe; used on the stream writer thread only.
 */
final class LogFile {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path path;
    private FileChannel channel;
    private OutputStream out;
    private long size;
    private Object fileKey;

    LogFile(Path path) {
        this.path = path;
    }

    /**
     * The {@code filename} option made absolute against the daemon's directory, or, as Circus does
     * without a filename, a new name in the temporary directory (created on open). No I/O.
     */
    static LogFile fromOptions(StreamOptions options) {
        String filename = options.get("filename");
        return new LogFile(filename == null
                ? Path.of(System.getProperty("java.io.tmpdir"), "circus-" + UUID.randomUUID() + ".log")
                : Path.of(filename).toAbsolutePath());
    }

    Path path() {
        return path;
    }

    boolean isOpen() {
        return channel != null;
    }

    /**
     * Opens (creating the file and any missing parent directory) in append mode; closes the current
     * handle first. Creating the directory spares operators a start that fails on a fresh host.
     */
    void open() throws IOException {
        close();
        java.nio.file.Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            java.nio.file.Files.createDirectories(parent);
        }
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        channel = ch;
        out = new BufferedOutputStream(Channels.newOutputStream(ch), BUFFER_BYTES);
        size = ch.size();
        // Java cannot fstat a channel; stat the path right after opening it (a swap in between is harmless:
        // the next check reopens once more).
        fileKey = keyOf(path);
    }

    /** Opens when not open; used before each write so a failed file is retried. */
    void ensureOpen() throws IOException {
        if (channel == null) {
            open();
        }
    }

    /** Bytes in the file, including those still buffered. */
    long size() {
        return size;
    }

    void write(byte[] data) throws IOException {
        write(data, 0, data.length);
    }

    void write(byte[] data, int off, int len) throws IOException {
        try {
            out.write(data, off, len);
            size += len;
        } catch (IOException e) {
            abandon();
            throw e;
        }
    }

    void write(ByteArrayOutputStream data) throws IOException {
        try {
            data.writeTo(out);
            size += data.size();
        } catch (IOException e) {
            abandon();
            throw e;
        }
    }

    void flush() throws IOException {
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                abandon();
                throw e;
            }
        }
    }

    void close() throws IOException {
        if (channel == null) {
            return;
        }
        try {
            out.flush();
        } finally {
            abandon();
        }
    }

    /** The identity (device and inode on Unix) of the file opened last, or null if none. */
    Object openedKey() {
        return fileKey;
    }

    /** The identity of whatever is at the path now, or null when nothing is. */
    static Object keyOf(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Drops the handle without flushing, so the next write reopens the file instead of failing forever. */
    private void abandon() {
        FileChannel ch = channel;
        channel = null;
        out = null;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // Already failing; the caller reports the original error.
            }
        }
    }
}
