package dev.vantage.report.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Terminal layout for text that mixes Latin and Japanese: a CJK character takes two columns,
 * Japanese lines may break between any two characters, Latin lines only at spaces.
 */
public final class TerminalText {
    /** Japanese punctuation that never starts a line (kinsoku): kept with the character before it. */
    private static final String CLOSING = "、。，．」』）】〕〉》ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ！？：；";

    private TerminalText() {}

    /** Columns the text takes in a terminal with East Asian wide characters. */
    public static int width(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += width(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) return 0;
        return wide(cp) ? 2 : 1;
    }

    private static boolean wide(int cp) {
        return cp >= 0x1100 && cp <= 0x115f || cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f || cp >= 0xac00 && cp <= 0xd7a3
                || cp >= 0xf900 && cp <= 0xfaff || cp >= 0xfe30 && cp <= 0xfe4f || cp >= 0xff00 && cp <= 0xff60
                || cp >= 0xffe0 && cp <= 0xffe6 || cp >= 0x1f300 && cp <= 0x1f64f || cp >= 0x20000 && cp <= 0x3fffd;
    }

    /** The text followed by spaces up to the given number of columns. */
    static String pad(String text, int columns) {
        int w = width(text);
        return w >= columns ? text : text + " ".repeat(columns - w);
    }

    /**
     * Lines of at most {@code columns} columns (a single word longer than that is cut). Existing
     * line breaks are kept. Always at least one line.
     */
    static List<String> wrap(String text, int columns) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) wrapParagraph(paragraph, Math.max(columns, 8), lines);
        return lines;
    }

    private static void wrapParagraph(String text, int columns, List<String> lines) {
        StringBuilder line = new StringBuilder();
        int lineWidth = 0;
        for (String token : tokens(text)) {
            int w = width(token);
            if (lineWidth + w > columns && lineWidth > 0) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                lineWidth = 0;
                if (token.isBlank()) continue;
            }
            while (w > columns) {                            // a word wider than the column: cut it
                int cut = cutAt(token, columns);
                lines.add(token.substring(0, cut));
                token = token.substring(cut);
                w = width(token);
            }
            line.append(token);
            lineWidth += w;
        }
        lines.add(line.toString().stripTrailing());
    }

    /** Words with their following space; each wide character is a word of its own. */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (wide(cp)) {
                if (!word.isEmpty()) out.add(word.toString());
                word.setLength(0);
                String ch = new String(Character.toChars(cp));
                if (CLOSING.indexOf(cp) >= 0 && !out.isEmpty()) out.set(out.size() - 1, out.get(out.size() - 1) + ch);
                else out.add(ch);
            } else {
                word.appendCodePoint(cp);
                if (cp == ' ') {
                    out.add(word.toString());
                    word.setLength(0);
                }
            }
        }
        if (!word.isEmpty()) out.add(word.toString());
        return out;
    }

    private static int cutAt(String token, int columns) {
        int w = 0;
        for (int i = 0; i < token.length(); ) {
            int cp = token.codePointAt(i);
            if (w + width(cp) > columns) return Math.max(i, Character.charCount(token.codePointAt(0)));
            w += width(cp);
            i += Character.charCount(cp);
        }
        return token.length();
    }
}
