package it.pecgateway.access.pop3;

import it.pecgateway.access.ChannelOutput;
import java.io.IOException;
import java.io.InputStream;

/**
 * Copies a stored message as a POP3 multi-line response (RFC 1939 3): a leading "." doubled, bare LF made CRLF,
 * the terminating ".". With a line limit it sends the header and that many body lines (TOP).
 */
final class DotStuffer {
    private DotStuffer() {
    }

    /** @param bodyLines body lines to send after the header, or -1 for the whole message */
    static void copy(InputStream in, ChannelOutput out, long bodyLines) throws IOException {
        byte[] chunk = new byte[16 * 1024];
        byte[] buf = new byte[chunk.length * 2 + 4];
        boolean lineStart = true;
        boolean inBody = false;
        boolean emptyLine = true;
        long linesLeft = bodyLines;
        byte previous = 0;
        int n;
        outer:
        while ((n = in.read(chunk)) > 0) {
            int len = 0;
            for (int i = 0; i < n; i++) {
                byte b = chunk[i];
                if (inBody && bodyLines >= 0 && lineStart && linesLeft <= 0) {
                    out.bytes(buf, 0, len);
                    len = 0;
                    break outer;
                }
                if (lineStart && b == '.') {
                    buf[len++] = '.';
                }
                if (b == '\n') {
                    if (previous != '\r') {
                        buf[len++] = '\r';
                    }
                    buf[len++] = '\n';
                    if (inBody) {
                        linesLeft--;
                    } else if (emptyLine) {
                        inBody = true;
                    }
                    lineStart = true;
                    emptyLine = true;
                } else {
                    buf[len++] = b;
                    lineStart = false;
                    emptyLine = emptyLine && b == '\r';
                }
                previous = b;
            }
            out.bytes(buf, 0, len);
        }
        if (!lineStart) {
            out.ascii("\r\n");
        }
        out.ascii(".\r\n");
    }
}
