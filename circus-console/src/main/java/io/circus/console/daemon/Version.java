package io.circus.console.daemon;

/** The product version, from the jar manifest when packaged. */
final class Version {

    private Version() {
    }

    static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }
}
