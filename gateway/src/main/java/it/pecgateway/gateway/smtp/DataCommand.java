package it.pecgateway.gateway.smtp;

import java.io.IOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.DropConnectionException;

/**
 * DATA: streams the message to the spool through {@link DataReader} (smuggling-safe end of data, line, header
 * and size limits) and hands it to the transaction handler, whose reply is the final answer (the handler makes
 * the message durable in the store before a positive one).
 */
final class DataCommand extends SmtpCommand {
    private static final Logger log = LoggerFactory.getLogger(DataCommand.class);
    private static final DateTimeFormatter RFC5322 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    private final SmtpTransactionHandler handler;
    private final Spool spool;
    private final Clock clock;

    DataCommand(SmtpTransactionHandler handler, Spool spool, Clock clock) {
        super("DATA");
        this.handler = handler;
        this.spool = spool;
        this.clock = clock;
    }

    @Override
    boolean needsGreeting() {
        return true;
    }

    @Override
    boolean needsAuthentication() {
        return true;
    }

    @Override
    SmtpReply handle(SmtpSession session, String arguments) throws IOException, DropConnectionException {
        MailTransaction transaction = session.transaction();
        if (!arguments.isBlank()) {
            return SmtpReplies.NO_PARAMETERS_ALLOWED;
        }
        if (transaction == null) {
            return SmtpReplies.NEED_MAIL;
        }
        if (transaction.recipients.isEmpty()) {
            return SmtpReplies.NEED_RCPT;
        }
        SmtpEnvelope envelope = transaction.envelope();
        session.resetTransaction();
        SpooledMessage message;
        try (Spool.Writer writer = spool.open(receivedLine(session, envelope))) {
            session.send(SmtpReplies.START_DATA);
            DataReader reader = new DataReader(session.endpoint.limits().maxLineLength(),
                    session.endpoint.limits().maxMessageBytes(), session.endpoint.maxHeaderLines(),
                    session.endpoint.maxHeaderBytes());
            DataReader.Result result = reader.copy(session.wire.getRawInput(), writer.body());
            SmtpReply refusal = refusal(result.problem());
            if (result.problem() == DataReader.Problem.FLOOD) {
                writer.discard();
                throw new DropConnectionException(refusal.code(), refusal.status() + " " + refusal.text());
            }
            if (refusal != null) {
                writer.discard();
                log.info("SMTP session {} from {}: message refused ({})", session.sessionId(), session.remoteAddress(), result.problem());
                return refusal;
            }
            message = writer.commit();
        }
        try {
            return handler.message(session, envelope, message);
        } finally {
            message.discard();
        }
    }

    private static SmtpReply refusal(DataReader.Problem problem) {
        return switch (problem) {
            case NONE -> null;
            case BARE_LINE_ENDING -> SmtpReplies.BARE_LINE_ENDING;
            case LINE_TOO_LONG -> SmtpReplies.DATA_LINE_TOO_LONG;
            case HEADER_TOO_LARGE -> SmtpReplies.HEADER_TOO_LARGE;
            case TOO_BIG, FLOOD -> SmtpReplies.MESSAGE_TOO_BIG;
        };
    }

    /** RFC 5321 4.4 trace line; "with" per RFC 3848 (ESMTP, ESMTPS, ESMTPA, ESMTPSA). */
    private String receivedLine(SmtpSession session, SmtpEnvelope envelope) {
        String with = (session.extended() ? "ESMTP" : "SMTP")
                + (session.tlsActive() ? "S" : "") + (session.authenticatedMailbox().isPresent() ? "A" : "");
        String forPart = envelope.recipients().size() == 1 ? "\r\n\tfor " + envelope.recipients().get(0) : "";
        return "Received: from " + session.helo().orElse("unknown") + " (["
                + session.remoteAddress().getAddress().getHostAddress() + "])\r\n\tby "
                + session.endpoint.hostname() + " with " + with + " id " + session.sessionId()
                + forPart + ";\r\n\t" + RFC5322.format(ZonedDateTime.now(clock)) + "\r\n";
    }
}
