package it.pecgateway.access.support;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/** A scripted IMAP client: sends a tagged command, collects the lines up to its tagged reply (literals inline). */
public final class ImapClient extends LineClient {
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\}$");
    public final String greeting;

    private ImapClient(java.net.Socket socket) {
        super(socket);
        this.greeting = line();
    }

    public static ImapClient connect(InetSocketAddress address, SSLContext context) {
        return new ImapClient(tlsSocket(address, context));
    }

    public static ImapClient plain(InetSocketAddress address) {
        try {
            return new ImapClient(new java.net.Socket(address.getAddress(), address.getPort()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Sends {@code tag command...}; returns every response line up to and including the tagged one. */
    public List<String> command(String line) {
        send(line);
        return until(line.substring(0, line.indexOf(' ')));
    }

    /** Reads responses until the tagged line of {@code tag}; a literal's bytes are appended to its line. */
    public List<String> until(String tag) {
        List<String> lines = new ArrayList<>();
        while (true) {
            String l = readResponse();
            if (l == null) {
                throw new AssertionError("connection closed before the tagged reply; got " + lines);
            }
            lines.add(l);
            if (l.startsWith(tag + " ")) {
                return lines;
            }
        }
    }

    /** One response line with its literals (as ISO-8859-1 text, byte for byte). */
    public String readResponse() {
        String l = line();
        if (l == null) {
            return null;
        }
        StringBuilder all = new StringBuilder(l);
        Matcher m = LITERAL.matcher(l);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            all.append("\r\n").append(new String(bytes(n), StandardCharsets.ISO_8859_1));
            String rest = line();
            all.append(rest);
            m = LITERAL.matcher(rest);
        }
        return all.toString();
    }

    /** Runs a command that must succeed; returns its lines. */
    public List<String> ok(String line) {
        List<String> lines = command(line);
        String last = lines.get(lines.size() - 1);
        String tag = line.substring(0, line.indexOf(' '));
        if (!last.startsWith(tag + " OK")) {
            throw new AssertionError("expected OK for [" + line + "] but got " + lines);
        }
        return lines;
    }

    public String last(List<String> lines) {
        return lines.get(lines.size() - 1);
    }
}
