package io.circus.jmx;

import java.util.List;

/**
 * A managed process's figures: the {@code info} object of Circus's {@code stats} reply.
 *
 * @param watcher    the watcher
 * @param wid        the slot (Circus's wid)
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
 * @param started    when the daemon spawned it, epoch seconds
 * @param age        seconds since the daemon spawned it
 * @param children   its direct children
 */
public record ProcessStats(String watcher, int wid, long pid, String cmdline, String username, int nice, double cpu,
                           double mem, String memInfo1, String memInfo2, long rssBytes, long vmsBytes, String ctime,
                           double createTime, double started, double age, List<ProcessUsage> children) {
    public ProcessStats {
        children = List.copyOf(children);
    }
}
