package dev.vantage.probe.builtin;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * TELNET option negotiation (RFC 854/855): a server opens with {@code IAC DO TERMINAL-TYPE},
 * {@code IAC WILL ECHO}, ... before any text. This splits what a server sent into those commands
 * and its text, and writes the replies of a client that refuses every option, which is all a
 * check needs to see the login prompt. Pure functions, bounded by the input.
 */
public final class TelnetNegotiation {
    public static final int IAC = 0xff;
    public static final int DONT = 0xfe;
    public static final int DO = 0xfd;
    public static final int WONT = 0xfc;
    public static final int WILL = 0xfb;
    public static final int SB = 0xfa;
    public static final int SE = 0xf0;

    private static final Map<Integer, String> OPTIONS = Map.ofEntries(
            Map.entry(0, "BINARY"), Map.entry(1, "ECHO"), Map.entry(3, "SUPPRESS-GO-AHEAD"), Map.entry(5, "STATUS"),
            Map.entry(6, "TIMING-MARK"), Map.entry(24, "TERMINAL-TYPE"), Map.entry(31, "NAWS"),
            Map.entry(32, "TERMINAL-SPEED"), Map.entry(33, "REMOTE-FLOW-CONTROL"), Map.entry(34, "LINEMODE"),
            Map.entry(35, "X-DISPLAY-LOCATION"), Map.entry(36, "OLD-ENVIRON"), Map.entry(37, "AUTHENTICATION"),
            Map.entry(38, "ENCRYPT"), Map.entry(39, "NEW-ENVIRON"));

    private TelnetNegotiation() {}

    /** One negotiation command: WILL, WONT, DO or DONT and the option code. */
    public record Command(int verb, int option) {
        @Override
        public String toString() {
            String v = switch (verb) {
                case WILL -> "WILL";
                case WONT -> "WONT";
                case DO -> "DO";
                case DONT -> "DONT";
                default -> "IAC " + verb;
            };
            return v + " " + OPTIONS.getOrDefault(option, Integer.toString(option));
        }
    }

    /** What a server sent: its negotiation commands in order, and its text with every IAC sequence removed. */
    public record Parsed(List<Command> commands, byte[] text) {
        public Parsed {
            commands = List.copyOf(commands);
            text = text.clone();
        }

        @Override
        public byte[] text() {
            return text.clone();
        }

        /** "DO TERMINAL-TYPE, WILL ECHO", at most {@code max} commands. */
        public String describe(int max) {
            StringJoiner j = new StringJoiner(", ");
            for (int i = 0; i < commands.size() && i < max; i++) j.add(commands.get(i).toString());
            if (commands.size() > max) j.add("…");
            return j.toString();
        }
    }

    /** Whether data starts with an IAC command, the mark of a TELNET server. */
    public static boolean startsWithNegotiation(byte[] data) {
        return data.length >= 2 && (data[0] & 0xff) == IAC && (data[1] & 0xff) >= SB && (data[1] & 0xff) <= DONT;
    }

    /** Splits received bytes into commands and text. Never throws. */
    public static Parsed parse(byte[] data) {
        List<Command> commands = new ArrayList<>();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int i = 0;
        while (i < data.length) {
            int b = data[i] & 0xff;
            if (b != IAC) {
                text.write(b);
                i++;
                continue;
            }
            if (i + 1 >= data.length) break;
            int verb = data[i + 1] & 0xff;
            if (verb == IAC) {                                  // an escaped 0xff data byte
                text.write(IAC);
                i += 2;
            } else if (verb >= WILL && verb <= DONT) {
                if (i + 2 >= data.length) break;
                commands.add(new Command(verb, data[i + 2] & 0xff));
                i += 3;
            } else if (verb == SB) {                             // subnegotiation: skip to IAC SE
                int j = i + 2;
                while (j + 1 < data.length && !((data[j] & 0xff) == IAC && (data[j + 1] & 0xff) == SE)) j++;
                i = j + 2;
            } else {
                i += 2;                                          // NOP, GA, AYT, ...: no data
            }
        }
        return new Parsed(commands, text.toByteArray());
    }

    /** The replies of a client that accepts nothing: WONT to every DO, DONT to every WILL (each once). */
    public static byte[] refuseAll(List<Command> commands) {
        Set<Command> replies = new LinkedHashSet<>();
        for (Command c : commands) {
            if (c.verb() == DO) replies.add(new Command(WONT, c.option()));
            else if (c.verb() == WILL) replies.add(new Command(DONT, c.option()));
        }
        byte[] out = new byte[replies.size() * 3];
        int k = 0;
        for (Command c : replies) {
            out[k++] = (byte) IAC;
            out[k++] = (byte) c.verb();
            out[k++] = (byte) c.option();
        }
        return out;
    }
}
