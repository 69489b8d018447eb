package dev.vantage.tripwire;

import dev.vantage.BadInputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a decoy port says to a client: a plausible first prompt of a protocol, or nothing. */
public enum Banner {
    NONE, TELNET, FTP, SMTP, HTTP, SSH;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Banner parse(String label) {
        for (Banner b : values()) if (b.label().equalsIgnoreCase(label.strip())) return b;
        throw new BadInputException("Unknown banner '" + label + "'; use one of " + names() + " or auto.");
    }

    /** The banner a port's usual protocol calls for (23 TELNET, 21 FTP, ...), else none. */
    public static Banner forPort(int port) {
        return switch (port) {
            case 23, 2323 -> TELNET;
            case 21, 2121 -> FTP;
            case 25, 465, 587, 2525 -> SMTP;
            case 80, 81, 591, 8000, 8008, 8080, 8081, 8088, 8888, 9000 -> HTTP;
            case 22, 2222 -> SSH;
            default -> NONE;
        };
    }

    public static String names() {
        return Arrays.stream(values()).map(Banner::label).collect(Collectors.joining(", "));
    }
}
