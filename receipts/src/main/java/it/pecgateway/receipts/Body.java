package it.pecgateway.receipts;

import java.util.List;

/**
 * The human-readable text of a system message: a title and lines. The text/plain part and the HTML alternative are
 * both rendered from this one value, so they always carry the same information (digest 4.2).
 */
public record Body(String title, List<String> lines) {
    public Body {
        lines = List.copyOf(lines);
    }

    public String plainText() {
        StringBuilder out = new StringBuilder(title).append("\n\n");
        lines.forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    /** HTML with no reference to anything (no images, styles, links, scripts) and every value escaped. */
    public String html() {
        StringBuilder out = new StringBuilder(512);
        out.append("<html>\n<head><title>").append(escape(title)).append("</title></head>\n<body>\n<h3>")
                .append(escape(title)).append("</h3>\n<p>\n");
        for (String line : lines) {
            out.append(escape(line)).append("<br>\n");
        }
        return out.append("</p>\n</body>\n</html>\n").toString();
    }

    /** Markup characters as entities, characters outside ISO-8859-1 as numeric references. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c > 0xff) {
                        out.append("&#").append(c).append(';');
                    } else {
                        out.appendCodePoint(c < 0x20 ? ' ' : c);
                    }
                }
            }
        });
        return out.toString();
    }
}
