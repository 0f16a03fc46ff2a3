package io.circus.config.option;

/**
 * How Circus 0.19 itself treats an option in {@code add}/{@code set} ({@code validate_option}) and in
 * circusctl's {@code set} ({@code convert_option}): the facades that must answer as Circus does read
 * this rather than keep their own key lists.
 */
public enum CircusSupport {

    /** Circus knows the key and checks the value's JSON type ({@code 'numprocesses' isn't an integer}). */
    CHECKED,
    /** Circus knows the key but takes any value ({@code cmd}, {@code singleton}, {@code hooks.<name>}). */
    UNCHECKED,
    /**
     * An option of Circus for the JVM only, or one Circus reads from files but not from commands
     * ({@code priority}, {@code autostart}): commands take it as a plain scalar; circusctl refuses it
     * as Circus's does ({@code unknown key}).
     */
    NONE;

    /** Whether Circus's {@code validate_option} and {@code convert_option} know the key. */
    public boolean known() {
        return this != NONE;
    }
}
