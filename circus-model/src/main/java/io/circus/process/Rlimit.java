package io.circus.process;

import java.util.Locale;
import java.util.Optional;

/** The resource limits Circus accepts as {@code rlimit_<name>}, with their Linux resource numbers. */
public enum Rlimit {
    CPU(0), FSIZE(1), DATA(2), STACK(3), CORE(4), RSS(5), NPROC(6), NOFILE(7), MEMLOCK(8), AS(9),
    LOCKS(10), SIGPENDING(11), MSGQUEUE(12), NICE(13), RTPRIO(14), RTTIME(15);

    /** The value meaning "no limit" ({@code RLIM_INFINITY}); an empty value in the config. */
    public static final long INFINITY = -1L;

    private final int resource;

    Rlimit(int resource) {
        this.resource = resource;
    }

    /** The {@code RLIMIT_*} constant on Linux. */
    public int resource() {
        return resource;
    }

    /** The lower-case name used after {@code rlimit_} in the config. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks up {@code nofile}, {@code NOFILE}, ... */
    public static Optional<Rlimit> byName(String name) {
        for (Rlimit r : values()) {
            if (r.name().equalsIgnoreCase(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
