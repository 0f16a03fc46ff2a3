package io.circus.console.web;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.BasicAuthenticator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may use the HTTP endpoints. Loopback needs nothing; anything else needs a password file, read
 * once at start: one {@code user password} pair per line, {@code #} comments, the format of the JMX
 * password file, so one file can serve both.
 */
final class HttpAccess {

    private HttpAccess() {
    }

    /**
     * @param key  the option that asked for this bind, for the error message
     * @throws IllegalArgumentException when the host is not loopback and there is no password file,
     *                                  or the host cannot be resolved
     */
    static void checkBind(String key, String host, String passwordFile) {
        if (passwordFile == null && !loopback(host)) {
            throw new IllegalArgumentException("[circus] " + key + " = " + host + ": a web endpoint on a non-loopback "
                    + "address needs authentication; set httpd_password_file (see docs/web.md)");
        }
    }

    static boolean loopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + host + "'");
        }
    }

    /** HTTP Basic over the users of the file, or null when there is no file. */
    static Authenticator authenticator(String passwordFile) {
        if (passwordFile == null) {
            return null;
        }
        Map<String, byte[]> users = read(Path.of(passwordFile));
        return new BasicAuthenticator("circus") {
            @Override
            public boolean checkCredentials(String user, String password) {
                byte[] expected = users.get(user);
                // Compared in constant time, and a missing user costs the same as a wrong password.
                return MessageDigest.isEqual(expected != null ? expected : new byte[0],
                        password.getBytes(StandardCharsets.UTF_8)) && expected != null;
            }
        };
    }

    private static Map<String, byte[]> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read httpd_password_file " + file + ": " + e.getMessage(), e);
        }
        Map<String, byte[]> users = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+", 2);
            if (words.length != 2) {
                throw new IllegalArgumentException("httpd_password_file " + file + " line " + (i + 1)
                        + ": expected 'user password'");
            }
            users.put(words[0], words[1].getBytes(StandardCharsets.UTF_8));
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException("httpd_password_file " + file + " has no user");
        }
        return users;
    }
}
