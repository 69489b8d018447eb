package dev.vantage.check.builtin;

import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP response as read off the wire, parsed by {@link #parse} (pure, never throws): status,
 * headers, and the body (de-chunked when the server sent it chunked), cut at what we read.
 */
public record HttpResponse(int status, List<Map.Entry<String, String>> headers, String body) {
    private static final Pattern STATUS = Pattern.compile("^HTTP/\\d(?:\\.\\d)? (\\d{3})");
    private static final int MAX_HEADERS = 200;

    public HttpResponse {
        headers = List.copyOf(headers);
    }

    /** The first value of a header (name case-insensitive). */
    public Optional<String> header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) return Optional.of(h.getValue());
        }
        return Optional.empty();
    }

    public boolean isRedirect() {
        return status >= 300 && status < 400 && header("Location").isPresent();
    }

    public static Optional<HttpResponse> parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        Matcher m = STATUS.matcher(text);
        if (!m.lookingAt()) return Optional.empty();
        int status = Integer.parseInt(m.group(1));
        int headEnd = text.indexOf("\r\n\r\n");
        int bodyStart = headEnd + 4;
        if (headEnd < 0) {
            headEnd = text.indexOf("\n\n");
            bodyStart = headEnd + 2;
        }
        if (headEnd < 0) {
            headEnd = text.length();
            bodyStart = text.length();
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String[] lines = text.substring(0, headEnd).split("\r?\n");
        for (int i = 1; i < lines.length && headers.size() < MAX_HEADERS; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) continue;
            headers.add(Map.entry(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip()));
        }
        String body = text.substring(bodyStart);
        HttpResponse r = new HttpResponse(status, headers, body);
        if (r.header("Transfer-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
            body = dechunk(raw, bodyStart);
        }
        return Optional.of(new HttpResponse(status, headers, body));
    }

    /** Joins the chunks that arrived whole; stops at the last chunk, a malformed size or the end of data. */
    static String dechunk(byte[] raw, int start) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int p = start;
        for (int i = 0; i < 10_000 && p < raw.length; i++) {
            int lineEnd = indexOf(raw, p);
            if (lineEnd < 0) break;
            String sizeText = new String(raw, p, lineEnd - p, StandardCharsets.ISO_8859_1).strip();
            int semicolon = sizeText.indexOf(';');
            if (semicolon >= 0) sizeText = sizeText.substring(0, semicolon);
            int size;
            try {
                size = Integer.parseInt(sizeText, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size <= 0) break;
            int data = lineEnd + 2;
            int n = Math.min(size, raw.length - data);
            if (n <= 0) break;
            out.write(raw, data, n);
            p = data + size + 2;
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') return i;
        }
        return -1;
    }

    /** The body's title, for evidence. */
    public @Nullable String title() {
        Matcher m = Pattern.compile("(?is)<title[^>]*>(.{0,120}?)</title>").matcher(body);
        return m.find() ? m.group(1).strip().replaceAll("\\s+", " ") : null;
    }
}
