package io.circus.zmq.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes certificates in the ZeroMQ "zcert" text format (as czmq, JeroMQ's ZCert and
 * pyzmq's {@code zmq.auth.create_certificates} write them): {@code NAME.key} holds the public key,
 * {@code NAME.key_secret} both keys. pyzmq's {@code zmq.auth.load_certificate} reads either.
 *
 * <p>The secret file is created with mode 0600 before a byte is written, so the key is never
 * readable by others, even for a moment; an existing file is never overwritten.
 */
public final class CertificateFiles {

    /** Suffix of public certificate files. */
    public static final String PUBLIC_SUFFIX = ".key";
    /** Suffix of secret certificate files. */
    public static final String SECRET_SUFFIX = ".key_secret";

    private static final Pattern KEY = Pattern.compile("^\\s*(public-key|secret-key)\\s*=\\s*\"?([^\"\\s]+)\"?\\s*$");

    private CertificateFiles() {
    }

    /**
     * Reads a public or secret certificate.
     *
     * @throws IOException naming the file when it cannot be read or holds no valid public key
     */
    public static Certificate read(Path file) throws IOException {
        String publicKey = null;
        String secretKey = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = KEY.matcher(line);
            if (m.matches()) {
                if (m.group(1).equals("public-key")) {
                    publicKey = m.group(2);
                } else {
                    secretKey = m.group(2);
                }
            }
        }
        if (publicKey == null) {
            throw new IOException(file + " has no public-key line: not a zcert certificate");
        }
        try {
            return new Certificate(publicKey, secretKey);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a secret certificate and refuses one that other users could read.
     *
     * @param option the option that named it, for the messages
     */
    public static Certificate readSecret(Path file, String option) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException(option + " '" + file + "' does not exist or is not readable");
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
            throw new IOException(option + " '" + file + "' is accessible by other users (mode "
                    + PosixFilePermissions.toString(perms) + "): chmod 600 it");
        }
        Certificate c = read(file);
        if (c.secretKey() == null) {
            throw new IOException(option + " '" + file + "' has no secret-key line: give the "
                    + SECRET_SUFFIX + " file, not the public " + PUBLIC_SUFFIX + " one");
        }
        return c;
    }

    /**
     * Writes {@code DIR/NAME.key} (mode 0644) and {@code DIR/NAME.key_secret} (mode 0600).
     *
     * @return the two files, public first
     * @throws FileAlreadyExistsException when either exists; nothing is overwritten
     */
    public static Path[] write(Path directory, String name, Certificate c) throws IOException {
        Path pub = directory.resolve(name + PUBLIC_SUFFIX);
        Path secret = directory.resolve(name + SECRET_SUFFIX);
        for (Path p : new Path[] {pub, secret}) {
            if (Files.exists(p)) {
                throw new FileAlreadyExistsException(p.toString(), null, "a key file exists; it is never overwritten");
            }
        }
        Files.createDirectories(directory);
        create(secret, "rw-------", text(c, true));
        create(pub, "rw-r--r--", text(c, false));
        return new Path[] {pub, secret};
    }

    private static void create(Path file, String mode, String content) throws IOException {
        Set<PosixFilePermission> perms = PosixFilePermissions.fromString(mode);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(perms));
        Files.setPosixFilePermissions(file, perms); // the umask may have removed bits, never added them
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    static String text(Certificate c, boolean withSecret) {
        StringBuilder sb = new StringBuilder()
                .append("#   ****  Generated on ").append(Instant.now()).append(" by circusctl keygen  ****\n")
                .append(withSecret ? "#   ZeroMQ CURVE **Secret** Certificate\n"
                        + "#   DO NOT PROVIDE THIS FILE TO OTHER USERS nor change its permissions.\n"
                        : "#   ZeroMQ CURVE Public Certificate\n"
                        + "#   Exchange securely, or use a secure mechanism to verify the contents\n"
                        + "#   of this file after exchange.\n")
                .append("\nmetadata\ncurve\n")
                .append("    public-key = \"").append(c.publicKey()).append("\"\n");
        if (withSecret) {
            sb.append("    secret-key = \"").append(c.secretKey()).append("\"\n");
        }
        return sb.toString();
    }
}
