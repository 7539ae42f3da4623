package it.pecgateway.gateway.smtp;

import java.util.Optional;

/** RCPT TO:&lt;path&gt;. Port 25 refuses every domain we do not host: never an open relay. */
final class RcptCommand extends SmtpCommand {
    private final SmtpTransactionHandler handler;

    RcptCommand(SmtpTransactionHandler handler) {
        super("RCPT");
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
        MailTransaction transaction = session.transaction();
        if (transaction == null) {
            return SmtpReplies.NEED_MAIL;
        }
        Optional<PathArguments> parsed = PathArguments.parse(arguments, "TO:");
        if (parsed.isEmpty()) {
            return SmtpReplies.SYNTAX;
        }
        Optional<SmtpPath> recipient = SmtpPath.parse(parsed.get().path(), false);
        if (recipient.isEmpty()) {
            return SmtpReplies.BAD_RECIPIENT_ADDRESS;
        }
        if (!parsed.get().parameters().isEmpty()) {
            return SmtpReplies.PARAMETER_NOT_SUPPORTED;
        }
        if (session.role() == SmtpRole.MX && !session.endpoint.hostsDomain().test(recipient.get().domain())) {
            return SmtpReplies.RELAY_DENIED;
        }
        if (transaction.hasRecipient(recipient.get())) {
            return SmtpReplies.RECIPIENT_OK;
        }
        if (transaction.recipients.size() >= session.endpoint.limits().maxRecipients()) {
            return SmtpReplies.TOO_MANY_RECIPIENTS;
        }
        SmtpReply verdict = handler.recipient(session, transaction.sender, recipient.get());
        if (verdict.isPositive()) {
            transaction.recipients.add(recipient.get());
        }
        return verdict;
    }
}
