package it.pecgateway.access.imap;

import it.pecgateway.access.ChannelOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Writes IMAP response syntax: atoms, strings (quoted when safe, literal otherwise), NIL, streamed literals. */
final class ImapWriter {
    private final ChannelOutput out;

    ImapWriter(ChannelOutput out) {
        this.out = out;
    }

    ChannelOutput output() {
        return out;
    }

    ImapWriter raw(String ascii) {
        out.ascii(ascii);
        return this;
    }

    ImapWriter untagged(String line) {
        out.ascii("* ").ascii(line).ascii("\r\n");
        return this;
    }

    /** A string whose chars are bytes (ISO-8859-1): raw header values go back as they were stored. */
    ImapWriter nstringRaw(String value) throws IOException {
        return nstring(value, StandardCharsets.ISO_8859_1);
    }

    ImapWriter nstring(String value, Charset charset) throws IOException {
        if (value == null) {
            out.ascii("NIL");
        } else if (quotable(value)) {
            out.ascii(quote(value));
        } else {
            byte[] bytes = value.getBytes(charset);
            out.ascii("{" + bytes.length + "}\r\n").bytes(bytes);
        }
        return this;
    }

    ImapWriter literal(InputStream in, long length) throws IOException {
        out.ascii("{" + length + "}\r\n").stream(in, length);
        return this;
    }

    ImapWriter literal(byte[] bytes) throws IOException {
        out.ascii("{" + bytes.length + "}\r\n").bytes(bytes);
        return this;
    }

    void flush() throws IOException {
        out.flush();
    }

    static boolean quotable(String s) {
        if (s.length() > 1024) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** A quoted string; callers make sure it is {@link #quotable}. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
