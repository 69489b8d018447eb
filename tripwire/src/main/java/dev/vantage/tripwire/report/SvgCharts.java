package dev.vantage.tripwire.report;

import java.util.List;
import java.util.Locale;

/**
 * Bar charts as inline SVG: no script, no external resource, readable without CSS, each bar with
 * a {@code <title>} for its exact value. Labels are escaped here.
 */
final class SvgCharts {
    record Bar(String label, long value, String title) {}

    private static final int WIDTH = 720;
    private static final String BAR = "#b5442c";
    private static final String TEXT = "#222";
    private static final String GRID = "#ccc";

    private SvgCharts() {}

    /** One labelled horizontal bar per item, longest first as given. */
    static String horizontal(List<Bar> bars, String ariaLabel) {
        int row = 24;
        int labelWidth = 230;
        int valueRoom = 70;
        int plot = WIDTH - labelWidth - valueRoom;
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        int height = Math.max(row, bars.size() * row) + 4;
        StringBuilder s = open(WIDTH, height, ariaLabel);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = i * row + 2;
            double w = b.value() == 0 ? 0 : Math.max(1, plot * (double) b.value() / max);
            s.append("<g><title>").append(Html.escape(b.title())).append("</title>");
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"13\" fill=\"%s\">%s</text>",
                    labelWidth - 8, y + 16, TEXT, Html.escape(shorten(b.label(), 32))));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>", labelWidth, y + 3, w, row - 6, BAR));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"%s\">%d</text>",
                    labelWidth + w + 6, y + 16, TEXT, b.value()));
            s.append("</g>");
        }
        return s.append("</svg>").toString();
    }

    /** Columns over time (one per day), with the largest value and the first, middle and last labels on the axes. */
    static String columns(List<Bar> bars, String ariaLabel) {
        int height = 220;
        int left = 56;
        int bottom = 28;
        int top = 10;
        int plotW = WIDTH - left - 10;
        int plotH = height - top - bottom;
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        double step = bars.isEmpty() ? plotW : (double) plotW / bars.size();
        double barW = Math.max(1, Math.min(step * 0.8, 36));     // a few days must not look like a wall
        StringBuilder s = open(WIDTH, height, ariaLabel);
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>", left, top + plotH, left + plotW, top + plotH, GRID));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-dasharray=\"3 3\"/>", left, top, left + plotW, top, GRID));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"12\" fill=\"%s\">%d</text>", left - 6, top + 4, TEXT, max));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"12\" fill=\"%s\">0</text>", left - 6, top + plotH + 4, TEXT));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double h = b.value() == 0 ? 0 : Math.max(1, plotH * (double) b.value() / max);
            double x = left + i * step + (step - barW) / 2;
            s.append("<g><title>").append(Html.escape(b.title())).append("</title>");
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/></g>",
                    x, top + plotH - h, barW, h, BAR));
        }
        int[] labelled = bars.size() <= 1 ? new int[] {0} : new int[] {0, bars.size() / 2, bars.size() - 1};
        for (int k = 0; k < labelled.length && !bars.isEmpty(); k++) {
            int i = labelled[k];
            if (k > 0 && i == labelled[k - 1]) continue;
            double x = left + i * step + step / 2;
            String anchor = k == 0 && labelled.length > 1 ? "start" : k == labelled.length - 1 && labelled.length > 1 ? "end" : "middle";
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\" font-size=\"12\" fill=\"%s\">%s</text>",
                    x, height - 8, anchor, TEXT, Html.escape(bars.get(i).label())));
        }
        return s.append("</svg>").toString();
    }

    private static StringBuilder open(int width, int height, String ariaLabel) {
        return new StringBuilder(4096).append(String.format(Locale.ROOT,
                "<svg viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" aria-label=\"%s\">",
                width, height, Html.escape(ariaLabel)));
    }

    private static String shorten(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
