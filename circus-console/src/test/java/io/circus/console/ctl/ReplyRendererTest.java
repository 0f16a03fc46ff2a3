package io.circus.console.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Circus's console_msg for each command, against replies and texts from the inventory (2.13, 3.x). */
class ReplyRendererTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ReplyRenderer.Rendered render(String command, String reply) throws Exception {
        return ReplyRenderer.render(command, JSON.readTree(reply));
    }

    private static String text(String command, String reply) throws Exception {
        return render(command, reply).text();
    }

    @Test
    void list() throws Exception {
        assertEquals("newone,sleeper,web", text("list",
                "{\"status\": \"ok\", \"time\": 1.5, \"watchers\": [\"newone\", \"sleeper\", \"web\"], \"id\": \"a1\"}"));
        assertEquals("13295,13296,13297", text("list", "{\"status\": \"ok\", \"time\": 1.5, \"pids\": [13295, 13296, 13297]}"));
        assertEquals("", text("list", "{\"status\": \"ok\", \"time\": 1.5, \"pids\": []}"));
        assertEquals("error: program nope not found", text("list",
                "{\"status\": \"error\", \"reason\": \"program nope not found\", \"tb\": null, \"time\": 1.5, \"errno\": 3, \"id\": \"x\"}"));
    }

    @Test
    void status() throws Exception {
        assertEquals("Other: stopped\nsleeper: active", text("status",
                "{\"status\": \"ok\", \"time\": 1.5, \"statuses\": {\"sleeper\": \"active\", \"Other\": \"stopped\"}}"));
        assertEquals("active", text("status", "{\"status\": \"active\", \"time\": 1795836817.1861396, \"id\": \"a3\"}"));
        ReplyRenderer.Rendered error = render("status",
                "{\"status\": \"error\", \"reason\": \"program nope not found\", \"tb\": null, \"time\": 1.5, \"errno\": 3, \"id\": \"x\"}");
        assertEquals("error", error.text());
        assertTrue(error.error());
    }

    @Test
    void aFlappingWatcherSaysWhyAfterItsStatusWord() throws Exception {
        assertEquals("crasher: stopped (parked by plugin:flap, retry 1/5 in 7 s (2 exits within 0.1 s))\n"
                + "plugin:flap: active\nweb: active", text("status", "{\"status\": \"ok\", \"time\": 1.5, \"statuses\": "
                + "{\"crasher\": \"stopped\", \"plugin:flap\": \"active\", \"web\": \"active\"}, \"flapping\": {\"crasher\": "
                + "\"parked by plugin:flap, retry 1/5 in 7 s (2 exits within 0.1 s)\"}}"));
        assertEquals("active (backing off, retry in 0.8 s)", text("status",
                "{\"status\": \"active\", \"time\": 1.5, \"flapping\": \"backing off, retry in 0.8 s\", \"id\": \"a3\"}"));
        TopSnapshot top = new TopSnapshot("test", new java.util.TreeMap<>(java.util.Map.of("crasher",
                new TopSnapshot.WatcherRow("crasher", "stopped", java.util.List.of(), "parked by plugin:flap, retry 1/5 in 7 s"))));
        assertTrue(top.lines(TopSnapshot.SortKey.CPU, 0).get(2).endsWith("0 processes  parked by plugin:flap, retry 1/5 in 7 s"),
                top.lines(TopSnapshot.SortKey.CPU, 0).toString());
    }

    @Test
    void statsOfOneWatcherOfAllAndOfOneProcess() throws Exception {
        String info = "{\"mem_info1\": \"9.26M\", \"mem_info2\": \"13.87M\", \"cpu\": 0.0, \"mem\": 0.038, \"ctime\": \"0:00.20\", "
                + "\"pid\": 13573, \"username\": \"root\", \"nice\": 0, \"create_time\": 1795838579.86, \"age\": 7.07, "
                + "\"cmdline\": \"python3\", \"children\": [%s], \"started\": 1795838580.46, \"wid\": 1}";
        String child = "{\"mem_info1\": \"1.38M\", \"mem_info2\": \"2.44M\", \"cpu\": 0.0, \"mem\": 0.006, \"ctime\": \"0:00.0\", "
                + "\"pid\": 13580, \"username\": \"root\", \"nice\": 0, \"create_time\": 1.0, \"age\": 1.0, \"cmdline\": \"sleep\", \"children\": []}";
        assertEquals("web:\n13573: 13573  python3 root 0 9.26M 13.87M 0.0 0.038 0:00.20", text("stats",
                "{\"status\": \"ok\", \"time\": 1.5, \"name\": \"web\", \"info\": {\"13573\": " + info.formatted("") + "}}"));
        assertEquals("web:\n13573: 13573  python3 root 0 9.26M 13.87M 0.0 0.038 0:00.20\n"
                        + "   13580  sleep root 0 1.38M 2.44M 0.0 0.006 0:00.0\nidle:", text("stats",
                "{\"status\": \"ok\", \"time\": 1.5, \"infos\": {\"web\": {\"13573\": " + info.formatted(child) + "}, \"idle\": {}}}"));
        assertEquals("13573: 13573  python3 root 0 9.26M 13.87M 0.0 0.038 0:00.20\n", text("stats",
                "{\"status\": \"ok\", \"time\": 1.5, \"process\": 13573, \"info\": " + info.formatted("") + "}"));
        assertEquals("web:\n13573: No such process (stopped?)", text("stats",
                "{\"status\": \"ok\", \"time\": 1.5, \"name\": \"web\", \"info\": {\"13573\": \"No such process (stopped?)\"}}"));
    }

    @Test
    void dstats() throws Exception {
        assertEquals("Main Process:\n    11466  python3 root 0 33.43M 122.61M 0.0 0.139 0:00.31", text("dstats",
                "{\"status\": \"ok\", \"time\": 1.5, \"info\": {\"mem_info1\": \"33.43M\", \"mem_info2\": \"122.61M\", \"cpu\": 0.0, "
                        + "\"mem\": 0.139, \"ctime\": \"0:00.31\", \"pid\": 11466, \"username\": \"root\", \"nice\": 0, "
                        + "\"create_time\": 1795838579.49, \"age\": 8.06, \"cmdline\": \"python3\", \"children\": []}}"));
    }

    @Test
    void optionsAndGetUseConvertOpt() throws Exception {
        assertEquals("""
                __name__: watcher:sleeper
                args:\s
                close_child_stdin: True
                env: A=1,B=2
                executable:\s
                graceful_timeout: 2.0
                stdout_stream_conf: {'filename': '/tmp/ign.log'}
                stop_signal: 15""", text("options", "{\"status\": \"ok\", \"time\": 1.5, \"options\": {\"__name__\": \"watcher:sleeper\", "
                + "\"args\": \"\", \"close_child_stdin\": true, \"env\": {\"B\": \"2\", \"A\": \"1\"}, \"executable\": null, "
                + "\"graceful_timeout\": 2.0, \"stdout_stream_conf\": {\"filename\": \"/tmp/ign.log\"}, \"stop_signal\": 15}}"));
        assertEquals("max_retry: 5\nrespawn: True\ngraceful_timeout: 3.0\nnumprocesses: 3", text("get",
                "{\"status\": \"ok\", \"time\": 1.5, \"options\": {\"max_retry\": 5, \"respawn\": true, \"graceful_timeout\": 3.0, \"numprocesses\": 3}}"));
        assertEquals("env: ", text("get", "{\"status\": \"ok\", \"time\": 1.5, \"options\": {\"env\": {}}}"));
    }

    @Test
    void globaloptionsErrorIsTheBareReason() throws Exception {
        assertEquals("check_delay: 1.0", text("globaloptions", "{\"status\": \"ok\", \"time\": 1.5, \"options\": {\"check_delay\": 1.0}}"));
        ReplyRenderer.Rendered r = render("globaloptions",
                "{\"status\": \"error\", \"reason\": \"'x' not an existing option\", \"tb\": null, \"time\": 1.5, \"errno\": 3, \"id\": 1}");
        assertEquals("'x' not an existing option", r.text());
        assertTrue(r.error());
    }

    @Test
    void listsockets() throws Exception {
        assertEquals("6:socket 'web' at 127.0.0.1:18080\n7:socket 'local' at /tmp/s.sock", text("listsockets",
                "{\"status\": \"ok\", \"time\": 1.5, \"sockets\": [{\"fd\": 6, \"name\": \"web\", \"backlog\": 2048, \"host\": \"127.0.0.1\", "
                        + "\"port\": 18080}, {\"fd\": 7, \"name\": \"local\", \"backlog\": 5, \"path\": \"/tmp/s.sock\"}]}"));
        assertEquals("", text("listsockets", "{\"status\": \"ok\", \"time\": 1.5, \"sockets\": []}"));
    }

    @Test
    void numbersAndIncrDecr() throws Exception {
        assertEquals("5", text("numprocesses", "{\"status\": \"ok\", \"time\": 1.5, \"numprocesses\": 5, \"watcher_name\": \"W\"}"));
        assertEquals("2", text("numwatchers", "{\"status\": \"ok\", \"time\": 1.5, \"numwatchers\": 2}"));
        assertEquals("ok", text("incr", "{\"status\": \"ok\", \"time\": 1.5, \"id\": \"d3\"}"));
        assertEquals("5", text("incr", "{\"status\": \"ok\", \"time\": 1.5, \"numprocesses\": 5, \"id\": \"d4\"}"));
        assertEquals("This watcher is a Singleton - not changing the number of processes", text("decr",
                "{\"status\": \"ok\", \"time\": 1.5, \"numprocesses\": 1, \"singleton\": true, \"id\": \"s1\"}"));
    }

    @Test
    void everyOtherCommandSaysOkOrTheError() throws Exception {
        assertEquals("ok", text("start", "{\"status\": \"ok\", \"time\": 1.5, \"info\": null, \"id\": \"g9\"}"));
        ReplyRenderer.Rendered r = render("stop",
                "{\"status\": \"error\", \"reason\": \"arbiter is already running manage_watchers command\", \"tb\": null, \"time\": 1.5, \"errno\": 5, \"id\": \"p4\"}");
        assertEquals("error: arbiter is already running manage_watchers command", r.text());
        assertTrue(r.error());
        assertFalse(render("quit", "{\"status\": \"ok\", \"time\": 1.5, \"id\": \"q1\"}").error());
    }
}
