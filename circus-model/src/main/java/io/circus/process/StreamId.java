package io.circus.process;

/** The two output streams of a child, named as Circus names them in stream callbacks. */
public enum StreamId {
    STDOUT("stdout"),
    STDERR("stderr");

    private final String circusName;

    StreamId(String circusName) {
        this.circusName = circusName;
    }

    /** {@code "stdout"} or {@code "stderr"}, the value of Circus's {@code name} field. */
    public String circusName() {
        return circusName;
    }
}
