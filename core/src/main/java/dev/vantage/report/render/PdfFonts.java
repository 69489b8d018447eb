package dev.vantage.report.render;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The fonts the PDF embeds, found among the system's fonts. PDFBox embeds TrueType outlines only
 * (not the CFF outlines of Noto Sans CJK), so Japanese comes from IPA Gothic (Debian
 * fonts-ipafont-gothic) or another TrueType Japanese font; Latin text from DejaVu or Liberation.
 * A missing font is not an error: the PDF is still written, with a note (see {@link PdfRenderer}).
 *
 * @param sans     regular Latin text
 * @param sansBold bold Latin text
 * @param mono     evidence and port numbers
 * @param cjk      Japanese text
 */
public record PdfFonts(@Nullable Path sans, @Nullable Path sansBold, @Nullable Path mono, @Nullable Path cjk) {
    static final List<Path> ROOTS = List.of(Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts"));
    private static final int MAX_DEPTH = 6;
    private static final int MAX_FILES = 50_000;

    private static final List<String> SANS = List.of("dejavusans.ttf", "liberationsans-regular.ttf", "notosans-regular.ttf");
    private static final List<String> SANS_BOLD = List.of("dejavusans-bold.ttf", "liberationsans-bold.ttf", "notosans-bold.ttf");
    private static final List<String> MONO = List.of("dejavusansmono.ttf", "liberationmono-regular.ttf");
    private static final List<String> CJK = List.of("ipagp.ttf", "ipaexg.ttf", "ipag.ttf", "vl-pgothic-regular.ttf",
            "vl-gothic-regular.ttf", "takaopgothic.ttf", "takaogothic.ttf", "fonts-japanese-gothic.ttf",
            "droidsansfallbackfull.ttf");

    private static final class Holder {
        static final PdfFonts SYSTEM = find(ROOTS);
    }

    /** The fonts of this machine, looked up once. */
    public static PdfFonts system() {
        return Holder.SYSTEM;
    }

    /** Looks the candidate file names up under the roots (bounded in depth and number of files). */
    static PdfFonts find(List<Path> roots) {
        Map<String, Path> byName = new HashMap<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> files = Files.walk(root, MAX_DEPTH)) {
                files.limit(MAX_FILES).filter(Files::isRegularFile).forEach(
                        f -> byName.putIfAbsent(f.getFileName().toString().toLowerCase(Locale.ROOT), f));
            } catch (IOException | UncheckedIOException e) {
                // an unreadable font directory: use what was found so far
            }
        }
        return new PdfFonts(first(byName, SANS), first(byName, SANS_BOLD), first(byName, MONO), first(byName, CJK));
    }

    private static @Nullable Path first(Map<String, Path> byName, List<String> candidates) {
        for (String c : candidates) if (byName.containsKey(c)) return byName.get(c);
        return null;
    }
}
