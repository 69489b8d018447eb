package dev.vantage.server.web;

import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;
import dev.vantage.report.render.Texts;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Locale;

/**
 * What every page template gets: the language and its texts, the signed-in user (if any), the
 * CSRF token for its forms, the current path (for the language switch), a notice or an error to
 * show, and whether the page refreshes itself (a running order). Templates escape everything they
 * print from here; nothing in this class produces markup.
 */
public final class Page {
    private final Lang lang;
    private final Texts texts;
    private final @Nullable String email;
    private final String csrf;
    private final String path;
    private final String title;
    private @Nullable String notice;
    private @Nullable String error;
    private int refreshSeconds;

    Page(Lang lang, @Nullable String email, String csrf, String path, String titleKey) {
        this.lang = lang;
        this.texts = new Texts(KnowledgeBase.builtin(), lang);
        this.email = email;
        this.csrf = csrf;
        this.path = path;
        this.title = texts.msg(titleKey);
    }

    public String lang() {
        return lang.code();
    }

    public Lang language() {
        return lang;
    }

    public Texts texts() {
        return texts;
    }

    /** A UI text in the page's language; {0}, {1} are replaced by the arguments. */
    public String t(String key, Object... args) {
        return texts.msg(key, args);
    }

    public @Nullable String email() {
        return email;
    }

    public boolean signedIn() {
        return email != null;
    }

    public String csrf() {
        return csrf;
    }

    public String title() {
        return title;
    }

    /** The link that shows this page in the other language. */
    public String otherLangLink() {
        return "/lang?to=" + (lang == Lang.JA ? "en" : "ja") + "&back=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8);
    }

    public String otherLangName() {
        return lang == Lang.JA ? "English" : "日本語";
    }

    public @Nullable String notice() {
        return notice;
    }

    public Page notice(@Nullable String text) {
        this.notice = text;
        return this;
    }

    public @Nullable String error() {
        return error;
    }

    public Page error(@Nullable String text) {
        this.error = text;
        return this;
    }

    public int refreshSeconds() {
        return refreshSeconds;
    }

    public Page refresh(int seconds) {
        this.refreshSeconds = seconds;
        return this;
    }

    /** A moment as {@code 2026-11-23 10:32 UTC}. */
    public String when(long epochMillis) {
        return texts.when(Instant.ofEpochMilli(epochMillis));
    }

    public String when(@Nullable Long epochMillis) {
        return epochMillis == null ? "—" : when(epochMillis.longValue());
    }

    /** A risk label ({@code high}) in the page's language. */
    public String risk(String label) {
        return texts.msg("risk." + label.toLowerCase(Locale.ROOT));
    }

    public String status(String status) {
        return texts.msg("ui.status." + status);
    }

    /** An audit-log action ({@code order-done}) in words; the action itself when there are none. */
    public String action(String action) {
        String key = "ui.action." + action;
        String text = texts.msg(key);
        return text.equals(key) ? action : text;
    }

    public String level(int level) {
        return level >= 1 && level <= 3 ? texts.msg("ui.level." + level) : String.valueOf(level);
    }
}
