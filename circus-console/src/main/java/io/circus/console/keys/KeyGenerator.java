package io.circus.console.keys;

import io.circus.zmq.auth.Certificate;
import io.circus.zmq.auth.CertificateFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code circusctl keygen NAME [DIRECTORY]}: a new CURVE key pair in {@code DIRECTORY/NAME.key}
 * (public, 0644) and {@code DIRECTORY/NAME.key_secret} (secret, 0600), never overwriting a file.
 * The same command makes the server's pair and each client's; the server's
 * {@code curve_authorized_keys} directory then holds copies of the clients' {@code .key} files.
 */
public final class KeyGenerator {

    public static final String COMMAND = "keygen";
    static final String USAGE = "usage: circusctl keygen NAME [DIRECTORY]";

    private KeyGenerator() {
    }

    /** @return the exit status: 0 written, 1 not written, 2 bad usage */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.size() > 2 || args.getFirst().startsWith("-")) {
            boolean help = !args.isEmpty() && (args.getFirst().equals("--help") || args.getFirst().equals("-h"));
            (help ? out : err).println(USAGE);
            (help ? out : err).println("Writes a CURVE key pair: NAME.key (public) and NAME.key_secret (secret, mode 0600)"
                    + " in DIRECTORY (default: the current directory).");
            return help ? 0 : 2;
        }
        String name = args.getFirst();
        if (name.isBlank() || name.contains("/") || name.startsWith(".")) {
            err.println(USAGE);
            err.println("circusctl keygen: error: NAME must be a plain file name, not '" + name + "'");
            return 2;
        }
        Path dir = Path.of(args.size() > 1 ? args.get(1) : ".");
        try {
            Path[] files = CertificateFiles.write(dir, name, Certificate.generate());
            out.println("public key: " + files[0]);
            out.println("secret key: " + files[1]);
            return 0;
        } catch (FileAlreadyExistsException e) {
            err.println("circusctl keygen: " + e.getFile() + " exists; it is never overwritten");
            return 1;
        } catch (IOException e) {
            err.println("circusctl keygen: cannot write the key files in " + dir + ": " + e.getMessage());
            return 1;
        }
    }
}
