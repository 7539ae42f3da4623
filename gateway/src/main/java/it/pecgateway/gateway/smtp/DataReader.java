package it.pecgateway.gateway.smtp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reads the DATA section from the raw connection, line by line, and writes the dot-unstuffed message.
 *
 * <p>Against SMTP smuggling the end of data is only {@code <CRLF>.<CRLF>}: a dot line counts only when the
 * previous line ended with CRLF, so {@code <LF>.<LF>}, {@code <CR>.<CR>}, {@code <LF>.<CRLF>} and the like are
 * data. A message holding any bare CR or LF is then refused as a whole, so that nothing downstream can split it
 * differently. The reader always consumes up to the real end of data, whatever it refuses, so that no byte of
 * the message is ever read as a command. It never reads past the end of data (pipelined commands may follow).
 */
final class DataReader {

    enum Problem { NONE, BARE_LINE_ENDING, LINE_TOO_LONG, HEADER_TOO_LARGE, TOO_BIG, FLOOD }

    /** @param written bytes written to {@code out} (the message size if there is no problem) */
    record Result(Problem problem, long written) {
    }

    private final int maxLineLength;
    private final long maxMessageBytes;
    private final int maxHeaderLines;
    private final int maxHeaderBytes;
    /** Past this many bytes the client is not sending a message any more; the connection is dropped. */
    private final long floodBytes;

    DataReader(int maxLineLength, long maxMessageBytes, int maxHeaderLines, int maxHeaderBytes) {
        this.maxLineLength = maxLineLength;
        this.maxMessageBytes = maxMessageBytes;
        this.maxHeaderLines = maxHeaderLines;
        this.maxHeaderBytes = maxHeaderBytes;
        this.floodBytes = maxMessageBytes * 2 + (16L << 20);
    }

    Result copy(InputStream in, OutputStream out) throws IOException {
        byte[] line = new byte[maxLineLength];
        Problem problem = Problem.NONE;
        boolean previousEndedWithCrlf = true;
        boolean inHeaders = true;
        long headerLines = 0;
        long headerBytes = 0;
        long written = 0;
        long consumed = 0;
        while (true) {
            int length = 0;
            boolean overlong = false;
            boolean bareCr = false;
            int previous = -1;
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new EOFException("connection closed inside DATA");
                }
                if (previous == '\r') {
                    bareCr = true;
                }
                if (length < line.length) {
                    line[length++] = (byte) b;
                } else {
                    overlong = true;
                }
                previous = b;
                if (++consumed > floodBytes) {
                    return new Result(Problem.FLOOD, written);
                }
            }
            consumed++;
            boolean endsWithCrlf = previous == '\r';
            if (endsWithCrlf) {
                length--; // drop the CR; the line is written back with CRLF
            }
            if (previousEndedWithCrlf && endsWithCrlf && !overlong && length == 1 && line[0] == '.') {
                return new Result(problem, written);
            }
            if (problem == Problem.NONE) {
                if (bareCr || !endsWithCrlf) {
                    problem = Problem.BARE_LINE_ENDING;
                } else if (overlong || length + 2 > maxLineLength) {
                    problem = Problem.LINE_TOO_LONG;
                }
            }
            previousEndedWithCrlf = endsWithCrlf;
            int start = (length > 0 && line[0] == '.') ? 1 : 0; // dot-unstuffing (RFC 5321 4.5.2)
            if (inHeaders) {
                if (length == 0) {
                    inHeaders = false;
                } else if (++headerLines > maxHeaderLines || (headerBytes += length + 2) > maxHeaderBytes) {
                    if (problem == Problem.NONE) {
                        problem = Problem.HEADER_TOO_LARGE;
                    }
                }
            }
            if (problem != Problem.NONE) {
                continue; // keep draining to the end of data, write nothing more
            }
            int size = length - start + 2;
            if (written + size > maxMessageBytes) {
                problem = Problem.TOO_BIG;
                continue;
            }
            out.write(line, start, length - start);
            out.write('\r');
            out.write('\n');
            written += size;
        }
    }
}
