package io.circus.console.ctl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The live {@code top}: a full-screen view on the alternate screen, refreshed every interval, with
 * single-key sorting, after JLine's own {@code TTop}. The terminal is put back as it was (modes,
 * screen, cursor, the WINCH handler) whatever ends the view.
 *
 * <p>Threading: runs on the terminal's owner thread, which also makes the daemon calls. The WINCH
 * handler (JLine's signal thread) only raises a flag that the owner thread acts on.
 */
final class TopView {

    private static final long KEY_POLL_MS = 100;

    private final Terminal terminal;
    private final Transport transport;
    private final long intervalMs;
    private TopSnapshot.SortKey sort;

    TopView(Terminal terminal, Transport transport, TopSnapshot.SortKey sort, long intervalMs) {
        this.terminal = terminal;
        this.transport = transport;
        this.sort = sort;
        this.intervalMs = intervalMs;
    }

    /** Runs until {@code q}, Ctrl-C or end of input. */
    void run() throws IOException {
        AtomicBoolean resized = new AtomicBoolean();
        Attributes saved = terminal.enterRawMode();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.WINCH, s -> resized.set(true));
        Terminal.SignalHandler previousInt = terminal.handle(Terminal.Signal.INT, s -> { });
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.keypad_xmit);
        terminal.puts(Capability.cursor_invisible);
        terminal.flush();
        Display display = new Display(terminal, true);
        try {
            Size size = terminal.getSize();
            display.resize(size.getRows(), size.getColumns());
            NonBlockingReader keys = terminal.reader();
            long next = 0;
            String problem = null;
            TopSnapshot snapshot = null;
            while (true) {
                boolean redraw = false;
                if (System.nanoTime() - next >= 0) {
                    try {
                        snapshot = TopSnapshot.read(transport);
                        problem = null;
                    } catch (NoReplyException e) {
                        problem = e.getMessage();
                    }
                    next = System.nanoTime() + intervalMs * 1_000_000;
                    redraw = true;
                }
                if (resized.getAndSet(false)) {
                    size = terminal.getSize();
                    display.clear();
                    display.resize(size.getRows(), size.getColumns());
                    redraw = true;
                }
                if (redraw) {
                    display.update(screen(snapshot, problem, size), -1);
                    terminal.flush();
                }
                int c = keys.read(KEY_POLL_MS);
                if (c == 'q' || c == 'Q' || c == 3 || c == 4 || c == NonBlockingReader.EOF) {
                    return;
                }
                TopSnapshot.SortKey k = c > 0 ? TopSnapshot.SortKey.forKey(c) : null;
                if (k != null) {
                    sort = k;
                    next = 0;
                }
            }
        } finally {
            terminal.handle(Terminal.Signal.WINCH, previous);
            terminal.handle(Terminal.Signal.INT, previousInt);
            terminal.puts(Capability.cursor_visible);
            terminal.puts(Capability.keypad_local);
            terminal.puts(Capability.exit_ca_mode);
            terminal.setAttributes(saved);
            terminal.flush();
        }
    }

    private List<AttributedString> screen(TopSnapshot snapshot, String problem, Size size) {
        int rows = Math.max(1, size.getRows());
        int cols = size.getColumns();
        List<AttributedString> out = new ArrayList<>();
        List<String> lines = snapshot == null ? List.of("Circus Top  " + transport.describe()) : snapshot.lines(sort, cols);
        for (int i = 0; i < lines.size() && out.size() < rows - 1; i++) {
            AttributedStyle style = i == 1 ? AttributedStyle.INVERSE : AttributedStyle.DEFAULT;
            out.add(new AttributedStringBuilder().style(style).append(lines.get(i)).toAttributedString());
        }
        while (out.size() < rows - 1) {
            out.add(AttributedString.EMPTY);
        }
        String footer = problem != null ? "cannot refresh: " + problem
                : "q quit  c cpu  m mem  a age  p pid  n name";
        out.add(new AttributedString(footer.length() > cols ? footer.substring(0, cols) : footer, AttributedStyle.BOLD));
        return out;
    }
}
