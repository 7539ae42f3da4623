package it.pecgateway.gateway.smtp;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Gives every 4xx/5xx reply an enhanced status code. Our commands always write one; a few replies are written by
 * SubEthaSMTP's session loop itself (unknown command, bare CR/LF or over-long command line, idle timeout, too many
 * connections) and have none. They are recognised here and replaced by their {@link SmtpReplies} equivalent; any
 * other 4xx/5xx line without a status gets the generic {@code X.0.0}. 2xx/3xx lines (greeting, EHLO list, 354,
 * 334) pass unchanged: RFC 2034 does not ask codes of them.
 */
final class ReplyFixingOutputStream extends FilterOutputStream {
    private static final Pattern HAS_STATUS = Pattern.compile("^\\d{3}[ -][245]\\.\\d{1,3}\\.\\d{1,3}( .*)?$");
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);

    ReplyFixingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public void flush() throws IOException {
        if (line.size() > 0) {
            emit();
        }
        out.flush();
    }

    private void emit() throws IOException {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        line.reset();
        String body = text.endsWith("\r\n") ? text.substring(0, text.length() - 2) : text;
        String fixed = fix(body);
        out.write((fixed + (text.endsWith("\r\n") ? "\r\n" : "")).getBytes(StandardCharsets.ISO_8859_1));
    }

    static String fix(String reply) {
        if (reply.length() < 3 || !(reply.charAt(0) == '4' || reply.charAt(0) == '5') || HAS_STATUS.matcher(reply).matches()) {
            return reply;
        }
        if (reply.startsWith("500")) {
            return SmtpReplies.UNKNOWN_COMMAND.line();
        }
        if (reply.startsWith("501 Syntax error at character position")) {
            return SmtpReplies.COMMAND_BARE_LINE_ENDING.line();
        }
        if (reply.startsWith("501 Input line length")) {
            return SmtpReplies.COMMAND_LINE_TOO_LONG.line();
        }
        if (reply.startsWith("501 Syntax error: invalid character encoding")) {
            return SmtpReplies.COMMAND_BAD_CHARACTERS.line();
        }
        if (reply.startsWith("421 Timeout")) {
            return SmtpReplies.TIMEOUT.line();
        }
        if (reply.startsWith("421 Too many connections")) {
            return SmtpReplies.TOO_MANY_CONNECTIONS.line();
        }
        String rest = reply.length() > 4 ? reply.substring(4) : "";
        return reply.substring(0, 3) + " " + reply.charAt(0) + ".0.0 " + rest;
    }
}
