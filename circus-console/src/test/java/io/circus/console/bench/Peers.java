package io.circus.console.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds the peers a run compares with, and says plainly which are missing and why. */
final class Peers {

    private Peers() {
    }

    /** Adds the peers found to {@code contenders}; returns one line per peer saying what was found. */
    static List<String> find(Path dir, List<Contender> contenders) {
        List<String> notes = new ArrayList<>();
        if (dir == null) {
            notes.add("none (--no-peers): circus-jvm only");
            return notes;
        }
        Path circusd = dir.resolve("circusd-ref");
        Path circusctl = dir.resolve("circusctl-ref");
        if (!Files.isExecutable(circusd) || !Files.isExecutable(circusctl)) {
            notes.add("Python circusd 0.19 NOT FOUND at " + circusd + " (pass --peers DIR); not compared");
        } else if (!pythonModulesPresent()) {
            notes.add("Python circusd 0.19 found at " + dir + " but /usr/bin/python3 lacks zmq, psutil or tornado "
                    + "(apt-get install python3-zmq python3-psutil python3-tornado); not compared");
        } else {
            contenders.add(new CircusContender("circusd 0.19", List.of(circusd.toString()), List.of(circusctl.toString()), true));
            notes.add("Python circusd 0.19 from " + dir + " (check_delay 5, as ours)");
        }
        Path supervisord = DaemonStarter.onPath("supervisord");
        Path supervisorctl = DaemonStarter.onPath("supervisorctl");
        if (supervisord == null || supervisorctl == null) {
            notes.add("supervisord NOT FOUND on PATH (apt-get install supervisor); not compared");
        } else {
            contenders.add(new SupervisordContender("supervisord", supervisord, supervisorctl));
            notes.add("supervisord from " + supervisord + " over XML-RPC: `list` = getAllProcessInfo, "
                    + "`status` = getProcessInfo of one process, CLI = `supervisorctl pid`");
        }
        if (contenders.size() == 1) {
            notes.add("NO PEER AVAILABLE: the tables show circus-jvm alone, without ratios");
        }
        return notes;
    }

    private static boolean pythonModulesPresent() {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import zmq, psutil, tornado")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
