package io.circus.console.ctl;

/** The command line does not parse (argparse's error): circusctl prints the usage and exits 2. */
public final class UsageException extends Exception {

    private final String usage;

    public UsageException(String usage, String message) {
        super(message);
        this.usage = usage;
    }

    /** The usage line to print before the message. */
    public String usage() {
        return usage;
    }
}
