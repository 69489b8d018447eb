package dev.vantage.assess;

import dev.vantage.BadInputException;

import java.util.Locale;

/** The languages every text of Vantage exists in. */
public enum Lang {
    EN, JA;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Lang parse(String code) {
        for (Lang l : values()) if (l.code().equalsIgnoreCase(code.strip())) return l;
        throw new BadInputException("Unknown language '" + code + "'; use en or ja.");
    }
}
