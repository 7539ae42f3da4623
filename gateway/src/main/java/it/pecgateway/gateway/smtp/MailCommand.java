package it.pecgateway.gateway.smtp;

import java.util.Locale;
import java.util.Optional;

/** MAIL FROM:&lt;path&gt; [SIZE=n] [BODY=7BIT|8BITMIME]. On submission the path must be the authenticated mailbox. */
final class MailCommand extends SmtpCommand {
    private final SmtpTransactionHandler handler;

    MailCommand(SmtpTransactionHandler handler) {
        super("MAIL");
        this.handler = handler;
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
    SmtpReply handle(SmtpSession session, String arguments) {
        if (session.transaction() != null) {
            return SmtpReplies.SENDER_ALREADY_GIVEN;
        }
        Optional<PathArguments> parsed = PathArguments.parse(arguments, "FROM:");
        if (parsed.isEmpty()) {
            return SmtpReplies.SYNTAX;
        }
        boolean submission = session.role() == SmtpRole.SUBMISSION;
        Optional<SmtpPath> sender = SmtpPath.parse(parsed.get().path(), !submission);
        if (sender.isEmpty()) {
            return submission && parsed.get().path().equals("<>") ? SmtpReplies.SENDER_NOT_OWNED : SmtpReplies.BAD_SENDER_ADDRESS;
        }
        long size = 0;
        boolean eightBit = false;
        for (String parameter : parsed.get().parameters()) {
            String upper = parameter.toUpperCase(Locale.ROOT);
            if (upper.startsWith("SIZE=")) {
                try {
                    size = Long.parseLong(upper.substring(5));
                } catch (NumberFormatException e) {
                    return SmtpReplies.SYNTAX;
                }
                if (size < 0) {
                    return SmtpReplies.SYNTAX;
                }
                if (size > session.endpoint.limits().maxMessageBytes()) {
                    return SmtpReplies.MESSAGE_TOO_BIG;
                }
            } else if (upper.equals("BODY=8BITMIME")) {
                eightBit = true;
            } else if (!upper.equals("BODY=7BIT")) {
                return SmtpReplies.PARAMETER_NOT_SUPPORTED;
            }
        }
        if (submission && !session.authenticatedMailbox().map(sender.get()::sameMailboxAs).orElse(false)) {
            return SmtpReplies.SENDER_NOT_OWNED;
        }
        SmtpReply verdict = handler.sender(session, sender.get());
        if (verdict.isPositive()) {
            session.startTransaction(new MailTransaction(sender.get(), eightBit, size));
        }
        return verdict;
    }
}
