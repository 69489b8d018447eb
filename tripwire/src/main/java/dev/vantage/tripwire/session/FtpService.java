package dev.vantage.tripwire.session;

import dev.vantage.tripwire.parse.Printable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * An FTP server that asks for USER and PASS and never lets anyone in (like vsftpd with three
 * failed logins allowed). Every other command gets "please log in"; nothing touches a file.
 */
public final class FtpService implements FakeService {
    private static final int COMMANDS = 12;
    private static final int TRIES = 3;

    @Override
    public void converse(Conversation c) throws IOException {
        c.send("220 (vsFTPd 3.0.3)\r\n");
        String user = null;
        boolean userTried = false;
        int failures = 0;
        try {
            for (int i = 0; i < COMMANDS; i++) {
                byte[] line = c.readLine();
                if (line == null) return;
                Command cmd = Command.parse(line);
                if (cmd.verb.equals("PASS")) {
                    c.keepSecret(line, cmd.argumentStart);
                    c.credential(user == null ? "" : user, cmd.argument(line));
                    userTried = true;
                    failures++;
                    c.send("530 Login incorrect.\r\n");
                    if (failures >= TRIES) return;
                    continue;
                }
                c.keep(line);
                switch (cmd.verb) {
                    case "" -> { }
                    case "USER" -> {
                        if (user != null && !userTried) c.credential(user, null);
                        user = Printable.field(cmd.argument(line), 200);
                        userTried = false;
                        c.send("331 Please specify the password.\r\n");
                    }
                    case "QUIT" -> {
                        c.send("221 Goodbye.\r\n");
                        return;
                    }
                    default -> c.send("530 Please login with USER and PASS.\r\n");
                }
            }
        } finally {
            if (user != null && !userTried) c.credential(user, null);
        }
    }

    /** An FTP command line: the verb in upper case and where its argument starts. */
    private record Command(String verb, int argumentStart) {
        static Command parse(byte[] line) {
            int i = 0;
            while (i < line.length && i < 8 && Character.isLetter(line[i] & 0xff) && line[i] > 0) i++;
            String verb = new String(line, 0, i, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
            int start = i;
            while (start < line.length && start < 16 && (line[start] == ' ' || line[start] == '\t')) start++;
            return new Command(verb, start);
        }

        /** The argument without the line terminator. */
        byte[] argument(byte[] line) {
            int stop = line.length;
            while (stop > argumentStart && (line[stop - 1] == '\r' || line[stop - 1] == '\n' || line[stop - 1] == 0)) stop--;
            return Arrays.copyOfRange(line, Math.min(argumentStart, stop), stop);
        }
    }
}
