package io.circus.console.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** circusctl's keys and conversions come from the option schema and stay Circus's convert_option. */
class OptionConverterTest {

    @Test
    void theKeysSetCompletesAreCircusConvertOptionKeys() {
        assertEquals(Set.of("numprocesses", "warmup_delay", "working_dir", "uid", "gid", "send_hup", "stop_signal",
                "stop_children", "shell", "copy_env", "env", "cmd", "args", "retry_in", "max_retry", "graceful_timeout",
                "max_age", "max_age_variance", "respawn", "singleton", "close_child_stdin", "close_child_stdout",
                "close_child_stderr", "hooks", "stdout_stream.", "stderr_stream.", "hooks.", "rlimit_"),
                Set.copyOf(OptionConverter.KEYS));
        assertEquals(OptionConverter.KEYS.size(), Set.copyOf(OptionConverter.KEYS).size());
    }

    @Test
    void conversionFollowsTheSchemaType() throws Exception {
        assertEquals("7", OptionConverter.convert("rlimit_nofile", "7").toString());
        assertEquals("1024", OptionConverter.convert("stdout_stream.max_bytes", "1024").toString());
        assertEquals("\"a.log\"", OptionConverter.convert("stdout_stream.filename", "a.log").toString());
        assertEquals("10", OptionConverter.convert("stop_signal", "SIGUSR1").toString());
        assertEquals("\"x\"", OptionConverter.convert("uid", "x").toString());
        assertEquals("unknown key 'priority'",
                assertThrows(ArgumentException.class, () -> OptionConverter.convert("priority", "1")).getMessage());
        assertEquals("unknown key 'stdout_stream'",
                assertThrows(ArgumentException.class, () -> OptionConverter.convert("stdout_stream", "x")).getMessage());
        assertEquals("nope",
                assertThrows(ArgumentException.class, () -> OptionConverter.convert("hooks.nope", "x")).getMessage());
    }
}
