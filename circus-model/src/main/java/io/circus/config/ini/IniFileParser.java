package io.circus.config.ini;

import io.circus.config.ConfigException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ini4j.Config;
import org.ini4j.Ini;
import org.ini4j.Profile;

/**
 * Parses one file: {@link IniLexer} applies Circus's line rules, then ini4j groups the result into
 * sections with repeated sections kept apart ({@code multiSection}) and repeated keys kept in order
 * ({@code multiOption}); the first definition of each key wins, a repeated section is merged into the
 * first. Names and values reach ini4j fully escaped, so its own escaping, trimming, comment and
 * operator rules cannot change them.
 */
final class IniFileParser {

    // Guards both ends of a value: ini4j trims values, and Circus keeps a leading "\n" of a value whose
    // first line is empty.
    private static final char GUARD = '\uE000';
    private static final Pattern HEADER = Pattern.compile("(?m)^[ \\t]*\\[([^\\]\\n]+)\\]");

    private IniFileParser() {
    }

    /** Where the first byte that is not UTF-8 is: section (the last header before it), line and column. */
    private static ConfigException notUtf8(Path path, byte[] bytes) {
        CharBuffer out = CharBuffer.allocate(bytes.length);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        StandardCharsets.UTF_8.newDecoder().decode(in, out, true);
        String good = out.flip().toString();
        int line = 1;
        int lineStart = 0;
        String section = null;
        for (int i = 0; i < good.length(); i++) {
            if (good.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        Matcher m = HEADER.matcher(good);
        while (m.find()) {
            section = m.group(1).strip();
        }
        return new ConfigException(path, section, null, null, String.format(
                "line %d, column %d: the file is not valid UTF-8 (byte 0x%02x at offset %d)",
                line, good.length() - lineStart + 1, bytes[in.position()] & 0xff, in.position()));
    }

    static IniFile parse(Path path) throws ConfigException {
        String text;
        byte[] bytes = null;
        try {
            bytes = Files.readAllBytes(path);
            // The decoder reports malformed input, where new String(...) would replace it silently.
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new ConfigException(path, null, null, null, "the configuration file does not exist");
        } catch (CharacterCodingException e) {
            throw notUtf8(path, bytes);
        } catch (IOException e) {
            throw new ConfigException(path, "cannot read the file: " + e.getMessage(), e);
        }
        IniLexer.Result lexed = IniLexer.lex(path, text);
        Ini ini = new Ini();
        ini.setConfig(ini4jConfig());
        try {
            ini.load(new StringReader(canonical(lexed)));
        } catch (IOException e) {
            // The canonical text is generated above; failing to read it is a bug, not a bad file.
            throw new IllegalStateException("ini4j rejected the canonical form of " + path, e);
        }
        Map<String, Map<String, Integer>> lines = lineNumbers(lexed);
        Map<String, Map<String, IniEntry>> sections = new LinkedHashMap<>();
        Map<String, IniEntry> defaults = new LinkedHashMap<>();
        for (String name : ini.keySet()) {
            Map<String, IniEntry> target = name.equals(IniFile.DEFAULT_SECTION) ? defaults
                    : sections.computeIfAbsent(name, n -> new LinkedHashMap<>());
            for (Profile.Section section : ini.getAll(name)) {
                for (String key : section.keySet()) {
                    String value = unguard(section.get(key, 0));
                    target.putIfAbsent(key, new IniEntry(value, path, lines.get(name).get(key), false));
                }
            }
        }
        return new IniFile(path, sections, defaults, lexed.suspects());
    }

    private static Config ini4jConfig() {
        Config c = new Config();
        c.setMultiSection(true);
        c.setMultiOption(true);
        c.setLowerCaseSection(false);
        c.setLowerCaseOption(false);
        c.setEscape(true);
        c.setEscapeNewline(false);
        c.setEmptyOption(false);
        c.setEmptySection(true);
        c.setGlobalSection(false);
        c.setUnnamedSection(false);
        c.setTree(false);
        c.setInclude(false);
        c.setComment(false);
        c.setHeaderComment(false);
        return c;
    }

    private static String canonical(IniLexer.Result lexed) {
        StringBuilder sb = new StringBuilder();
        for (IniLexer.Token t : lexed.tokens()) {
            switch (t) {
                case IniLexer.Header h -> sb.append('[').append(escape(h.name())).append("]\n");
                case IniLexer.Option o -> sb.append(escape(o.key())).append('=')
                        .append(escape(GUARD + o.value() + GUARD)).append('\n');
            }
        }
        return sb.toString();
    }

    /** Everything but ASCII letters and digits as {@code \\uXXXX}, which ini4j decodes and nothing else. */
    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() * 2);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    private static String unguard(String v) {
        if (v == null || v.length() < 2 || v.charAt(0) != GUARD || v.charAt(v.length() - 1) != GUARD) {
            throw new IllegalStateException("ini4j changed a guarded value: " + v);
        }
        return v.substring(1, v.length() - 1);
    }

    private static Map<String, Map<String, Integer>> lineNumbers(IniLexer.Result lexed) {
        Map<String, Map<String, Integer>> lines = new HashMap<>();
        String section = null;
        for (IniLexer.Token t : lexed.tokens()) {
            switch (t) {
                case IniLexer.Header h -> {
                    section = h.name();
                    lines.computeIfAbsent(section, n -> new HashMap<>());
                }
                case IniLexer.Option o -> lines.get(section).putIfAbsent(o.key(), o.line());
            }
        }
        return lines;
    }
}
