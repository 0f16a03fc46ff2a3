package io.circus.stats;

import java.util.List;

/**
 * One process as {@code /proc} describes it at one moment: what Circus's {@code stats} reply carries
 * for a process (its {@code info} object), in plain units. {@link CircusFormat} renders the
 * human-readable fields ({@code mem_info1}, {@code ctime}, ...).
 *
 * @param pid               the process id
 * @param ppid              the parent's pid
 * @param name              Circus's {@code cmdline}: the base name of the first word of argv[0]
 *                          (the kernel's comm when argv is empty, as for zombies and kernel threads)
 * @param argv              the full command line, empty when the kernel does not show it
 * @param username          owner of the process (its effective user), or {@code "N/A"}
 * @param nice              the nice value (-20..19)
 * @param state             the kernel's one-letter state ({@code R}, {@code S}, {@code Z}, ...)
 * @param cpuPercent        CPU use in percent of one core since the previous sample of this pid (the
 *                          lifetime average on the first sample); may exceed 100 on several cores
 * @param memPercent        resident memory in percent of the machine's total memory
 * @param rssBytes          resident set size
 * @param vmsBytes          virtual memory size
 * @param cpuTimeMillis     user plus system CPU time consumed so far
 * @param createEpochMillis when the kernel created the process, epoch milliseconds
 */
public record ProcessInfo(long pid, long ppid, String name, List<String> argv, String username, int nice,
                          char state, double cpuPercent, double memPercent, long rssBytes, long vmsBytes,
                          long cpuTimeMillis, long createEpochMillis) {

    public ProcessInfo {
        argv = List.copyOf(argv);
    }

    /** Whether the process has exited and waits to be reaped by its parent. */
    public boolean zombie() {
        return state == 'Z';
    }
}
