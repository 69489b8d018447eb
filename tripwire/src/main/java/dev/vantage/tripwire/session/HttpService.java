package dev.vantage.tripwire.session;

import dev.vantage.tripwire.parse.FormSecrets;
import dev.vantage.tripwire.parse.HttpBasic;
import dev.vantage.tripwire.parse.Secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/**
 * A web server that asks for a login: it reads one request (line, headers, a bounded body) and
 * answers 401 with a Basic challenge, which invites bots to show the default credentials they
 * try. Passwords in Authorization headers, query strings, forms and JSON bodies are cut out.
 */
public final class HttpService implements FakeService {
    private static final int HEADER_LINES = 64;
    private static final int BODY_LIMIT = 4096;
    private static final String PAGE = "<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n"
            + "<center><h1>401 Authorization Required</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    @Override
    public void converse(Conversation c) throws IOException {
        byte[] requestLine = c.readLine();
        if (requestLine == null) return;
        keepRedacted(c, requestLine);
        if (!latin1(requestLine).contains(" HTTP/")) {
            c.send("HTTP/1.1 400 Bad Request\r\nServer: nginx\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            return;
        }
        long contentLength = 0;
        for (int i = 0; i < HEADER_LINES; i++) {
            byte[] line = c.readLine();
            if (line == null) break;
            String text = latin1(line);
            if (text.isBlank()) {
                c.keep(line);
                break;
            }
            int colon = text.indexOf(':');
            String name = colon < 0 ? "" : text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (name.equals("authorization") || name.equals("proxy-authorization")) {
                authorization(c, line, colon);
                continue;
            }
            if (name.equals("content-length")) contentLength = parseLength(text.substring(colon + 1));
            keepRedacted(c, line);
        }
        if (contentLength > 0) {
            byte[] body = c.readUpTo((int) Math.min(contentLength, BODY_LIMIT));
            keepRedacted(c, body);
        }
        c.send(response());
    }

    /** {@code Authorization: Scheme credentials}: the scheme kept, the credentials cut out (Basic ones decoded first). */
    private static void authorization(Conversation c, byte[] line, int colon) {
        int i = colon + 1;
        while (i < line.length && (line[i] == ' ' || line[i] == '\t')) i++;
        int schemeStart = i;
        while (i < line.length && line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != '\n') i++;
        String scheme = new String(line, schemeStart, i - schemeStart, StandardCharsets.ISO_8859_1);
        while (i < line.length && (line[i] == ' ' || line[i] == '\t')) i++;
        c.keepSecret(line, i);
        if (scheme.equalsIgnoreCase("basic")) {
            int stop = line.length;
            while (stop > i && (line[stop - 1] == '\r' || line[stop - 1] == '\n')) stop--;
            HttpBasic.decode(Arrays.copyOfRange(line, i, stop)).ifPresent(c::credential);
        }
    }

    private static void keepRedacted(Conversation c, byte[] bytes) {
        FormSecrets.Redaction r = FormSecrets.redact(latin1(bytes));
        c.keep(r.text().getBytes(StandardCharsets.ISO_8859_1));
        for (Secret s : r.secrets()) c.credential(s);
    }

    private static long parseLength(String value) {
        try {
            long n = Long.parseLong(value.strip());
            return n < 0 ? 0 : n;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String response() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        return "HTTP/1.1 401 Unauthorized\r\nServer: nginx\r\nDate: " + date + "\r\nContent-Type: text/html\r\n"
                + "Content-Length: " + PAGE.length() + "\r\nConnection: close\r\n"
                + "WWW-Authenticate: Basic realm=\"Restricted\"\r\n\r\n" + PAGE;
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
