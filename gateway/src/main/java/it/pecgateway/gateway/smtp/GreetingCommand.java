package it.pecgateway.gateway.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * EHLO and HELO. EHLO lists only what works: SIZE, 8BITMIME, ENHANCEDSTATUSCODES, PIPELINING (commands are read
 * from one buffered stream and answered in order, and the end of DATA never reads ahead), STARTTLS before TLS
 * where offered, AUTH only on submission and only over TLS. No CHUNKING, no SMTPUTF8, no DSN.
 */
final class GreetingCommand extends SmtpCommand {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.:\\[\\]_-]{1,255}");
    private final boolean extended;
    private final Optional<SSLContext> startTls;

    GreetingCommand(boolean extended, Optional<SSLContext> startTls) {
        super(extended ? "EHLO" : "HELO");
        this.extended = extended;
        this.startTls = startTls;
    }

    @Override
    boolean allowedBeforeTls() {
        return true;
    }

    @Override
    SmtpReply handle(SmtpSession session, String arguments) throws java.io.IOException {
        String name = arguments.trim();
        if (!NAME.matcher(name).matches()) {
            return SmtpReplies.HELO_SYNTAX;
        }
        session.greeted(name, extended);
        String host = session.endpoint.hostname();
        if (!extended) {
            session.sendRaw("250 " + host);
            return null;
        }
        List<String> lines = new ArrayList<>();
        lines.add(host + " greets " + name);
        lines.add("SIZE " + session.endpoint.limits().maxMessageBytes());
        lines.add("8BITMIME");
        lines.add("ENHANCEDSTATUSCODES");
        lines.add("PIPELINING");
        if (startTls.isPresent() && session.endpoint.offersStartTls() && !session.tlsActive()) {
            lines.add("STARTTLS");
        }
        if (session.role() == SmtpRole.SUBMISSION && session.tlsActive()) {
            lines.add("AUTH PLAIN LOGIN");
        }
        StringBuilder reply = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            reply.append("250").append(i == lines.size() - 1 ? ' ' : '-').append(lines.get(i));
            if (i < lines.size() - 1) {
                reply.append("\r\n");
            }
        }
        session.sendRaw(reply.toString());
        return null;
    }
}
