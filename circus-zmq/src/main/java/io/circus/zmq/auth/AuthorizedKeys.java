package io.circus.zmq.auth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CURVE clients allowed in: every {@code *.key} public certificate in one directory (as pyzmq's
 * {@code ThreadAuthenticator.configure_curve(location=...)} reads it). The directory is read again
 * when its modification time changes, so adding or removing a file takes effect at the client's
 * next connection, without a restart.
 *
 * <p>Threading: used by the ZAP thread only.
 */
final class AuthorizedKeys {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizedKeys.class);

    private final Path directory;
    private Map<ByteBuffer, String> keys = Map.of();
    private FileTime loaded;

    /** @throws IOException naming the directory when it cannot be listed */
    AuthorizedKeys(Path directory) throws IOException {
        this.directory = directory;
        if (!Files.isDirectory(directory)) {
            throw new IOException("curve_authorized_keys '" + directory + "' is not a directory");
        }
        reload();
    }

    /** The name of the certificate file that authorises this key (without .key), or null. */
    String lookUp(byte[] publicKey) {
        try {
            FileTime now = Files.getLastModifiedTime(directory);
            if (!now.equals(loaded)) {
                reload();
            }
        } catch (IOException e) {
            LOG.warn("curve_authorized_keys {} cannot be read again ({}); keeping the keys read before", directory,
                    e.toString());
        }
        return keys.get(ByteBuffer.wrap(publicKey));
    }

    int size() {
        return keys.size();
    }

    private void reload() throws IOException {
        FileTime stamp = Files.getLastModifiedTime(directory);
        Map<ByteBuffer, String> read = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + CertificateFiles.PUBLIC_SUFFIX)) {
            for (Path f : files) {
                try {
                    Certificate c = CertificateFiles.read(f);
                    String name = f.getFileName().toString();
                    read.put(ByteBuffer.wrap(c.publicKeyBytes()),
                            name.substring(0, name.length() - CertificateFiles.PUBLIC_SUFFIX.length()));
                } catch (IOException e) {
                    LOG.warn("authorised key file skipped: {}", e.getMessage());
                }
            }
        }
        keys = read;
        loaded = stamp;
        LOG.info("{} authorised CURVE client key(s) in {}", read.size(), directory);
    }
}
