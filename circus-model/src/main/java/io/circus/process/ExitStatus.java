package io.circus.process;

/**
 * How a child ended, as {@code waitid} reports it.
 *
 * @param code       the exit status when the child exited, else 0
 * @param signal     the signal number that killed it, else 0
 * @param coreDumped whether a core was dumped
 */
public record ExitStatus(int code, int signal, boolean coreDumped) {

    public static ExitStatus exited(int code) {
        return new ExitStatus(code, 0, false);
    }

    public static ExitStatus killed(int signal, boolean coreDumped) {
        return new ExitStatus(0, signal, coreDumped);
    }

    public boolean signalled() {
        return signal != 0;
    }

    /** Circus's {@code exit_code}: minus the signal number when signalled, else the exit status. */
    public int circusExitCode() {
        return signalled() ? -signal : code;
    }

    @Override
    public String toString() {
        return signalled() ? "killed by signal " + signal + (coreDumped ? " (core dumped)" : "")
                : "exited with code " + code;
    }
}
