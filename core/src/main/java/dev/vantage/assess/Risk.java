package dev.vantage.assess;

import dev.vantage.BadInputException;

import java.util.Locale;

/** How serious an exposure is, lowest first. */
public enum Risk {
    INFO, LOW, MEDIUM, HIGH;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Risk lower() {
        return this == INFO ? INFO : values()[ordinal() - 1];
    }

    public boolean atLeast(Risk other) {
        return compareTo(other) >= 0;
    }

    public static Risk max(Risk a, Risk b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static Risk parse(String text) {
        for (Risk r : values()) if (r.label().equalsIgnoreCase(text.strip())) return r;
        throw new BadInputException("Unknown risk level '" + text + "'; use high, medium, low or info.");
    }
}
