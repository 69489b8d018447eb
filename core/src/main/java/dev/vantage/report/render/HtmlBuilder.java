package dev.vantage.report.render;

/**
 * Writes well-formed XHTML (the PDF renderer parses it as XML). Text always goes through
 * {@link Printable#html}; markup comes only from string literals in this package, so there is no
 * way for a banner to become a tag.
 */
final class HtmlBuilder {
    private final StringBuilder out = new StringBuilder(64 * 1024);

    /** An opening tag with attribute pairs (name, value, name, value, ...); values are escaped. */
    HtmlBuilder open(String tag, String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(Printable.html(attributes[i + 1])).append('"');
        }
        out.append('>');
        return this;
    }

    HtmlBuilder close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element with text content: {@code <tag attrs>text</tag>}. */
    HtmlBuilder element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** Escaped text. */
    HtmlBuilder text(String text) {
        out.append(Printable.html(text));
        return this;
    }

    /** Markup written by this package (never data). */
    HtmlBuilder markup(String markup) {
        out.append(markup);
        return this;
    }

    HtmlBuilder newline() {
        out.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
