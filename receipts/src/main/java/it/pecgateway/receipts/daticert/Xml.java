package it.pecgateway.receipts.daticert;

/** XML text escaping for daticert values. */
final class Xml {
    private Xml() {
    }

    /** Escapes markup characters and replaces characters XML 1.0 cannot carry with a space. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    boolean allowed = c == '\t' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                            || c >= 0x10000 && c <= 0x10FFFF;
                    out.appendCodePoint(allowed ? c : ' ');
                }
            }
        });
        return out.toString();
    }
}
