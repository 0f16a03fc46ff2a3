package io.circus.jmx;

/**
 * One process's resource figures with Circus's {@code stats} field names: the daemon itself
 * ({@code dstats}) or a child of a managed process.
 *
 * @param pid        the process id
 * @param cmdline    base name of the program (Circus's {@code cmdline})
 * @param username   the owner
 * @param nice       the nice value
 * @param cpu        CPU percent of one core since the previous sample
 * @param mem        resident memory in percent of total memory, 3 decimals
 * @param memInfo1   resident size, human-readable ({@code "9.20M"})
 * @param memInfo2   virtual size, human-readable
 * @param rssBytes   resident size in bytes
 * @param vmsBytes   virtual size in bytes
 * @param ctime      CPU time used, {@code M:SS.cc}
 * @param createTime when the OS created it, epoch seconds
 * @param age        seconds since the OS created it
 */
public record ProcessUsage(long pid, String cmdline, String username, int nice, double cpu, double mem,
                           String memInfo1, String memInfo2, long rssBytes, long vmsBytes, String ctime,
                           double createTime, double age) {
}
