package dev.vantage.tripwire.parse;

import org.jspecify.annotations.Nullable;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Password fields in an HTTP query string, a form body or a JSON body, cut out. Bots post to
 * router login pages ({@code username=admin&password=admin}); the record keeps the user name and
 * replaces each password value with a marker. Text is handled as ISO-8859-1 so bytes survive.
 * The patterns have bounded keys and disjoint alternatives, so they run in linear time on
 * hostile input.
 */
public final class FormSecrets {
    private static final Pattern FORM_FIELD = Pattern.compile("(^|[?&;\\s])([^=&;\\s?\"]{1,64})=([^&;\\s]*)");
    private static final Pattern JSON_FIELD = Pattern.compile("\"([^\"\\\\]{1,64})\"(\\s{0,8}:\\s{0,8}\")((?:[^\"\\\\]|\\\\.){0,4096})\"");
    private static final Set<String> USER_KEYS =
            Set.of("user", "username", "login", "uname", "usr", "user_name", "userid", "account", "email", "name");

    private FormSecrets() {}

    /**
     * The text with password values replaced, and what was found.
     *
     * @param text    the redacted text (ISO-8859-1)
     * @param secrets one per password value, with the user name found in the same text, if any
     */
    public record Redaction(String text, List<Secret> secrets) {}

    public static Redaction redact(String latin1) {
        String user = findUser(latin1);
        List<Secret> secrets = new ArrayList<>();
        StringBuilder out = new StringBuilder(latin1.length());
        Matcher m = FORM_FIELD.matcher(latin1);
        while (m.find()) {
            if (!isPasswordKey(m.group(2))) continue;
            byte[] pw = urlDecode(m.group(3));
            secrets.add(new Secret(user, pw));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + "=" + Secret.marker(pw.length)));
        }
        m.appendTail(out);
        String text = out.toString();
        out = new StringBuilder(text.length());
        Matcher j = JSON_FIELD.matcher(text);
        while (j.find()) {
            if (!isPasswordKey(j.group(1))) continue;
            byte[] pw = j.group(3).getBytes(StandardCharsets.ISO_8859_1);
            secrets.add(new Secret(user, pw));
            j.appendReplacement(out, Matcher.quoteReplacement("\"" + j.group(1) + "\"" + j.group(2) + Secret.marker(pw.length) + "\""));
        }
        j.appendTail(out);
        return new Redaction(out.toString(), List.copyOf(secrets));
    }

    /** pass, passwd, password, pwd, pw, passphrase, with any prefix or suffix (login_pass, pwd1). */
    static boolean isPasswordKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("pass") || k.contains("pwd") || k.equals("pw") || k.startsWith("pw_") || k.endsWith("_pw");
    }

    private static @Nullable String findUser(String text) {
        Matcher m = FORM_FIELD.matcher(text);
        while (m.find()) {
            if (USER_KEYS.contains(m.group(2).toLowerCase(Locale.ROOT))) return Printable.field(urlDecode(m.group(3)), 200);
        }
        Matcher j = JSON_FIELD.matcher(text);
        while (j.find()) {
            if (USER_KEYS.contains(j.group(1).toLowerCase(Locale.ROOT))) {
                return Printable.field(j.group(3).getBytes(StandardCharsets.ISO_8859_1), 200);
            }
        }
        return null;
    }

    private static byte[] urlDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return value.getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}
