package it.pecgateway.gateway.smtp;

/**
 * The business side of an SMTP listener: the access point on submission ports, the incoming point on port 25.
 * The SMTP layer has already checked syntax, sequence, TLS, authentication, that a submitter sends as itself and
 * that port 25 only takes mail for domains we host. Every method returns the reply to send; a method that throws
 * makes the SMTP layer answer {@link SmtpReplies#LOCAL_ERROR} (temporary), never with the exception text.
 */
public interface SmtpTransactionHandler {

    default SmtpReply sender(SmtpSessionView session, SmtpPath sender) {
        return SmtpReplies.SENDER_OK;
    }

    default SmtpReply recipient(SmtpSessionView session, SmtpPath sender, SmtpPath recipient) {
        return SmtpReplies.RECIPIENT_OK;
    }

    /**
     * The whole message has arrived (spooled, not yet durable). A positive reply means the message is durably ours:
     * the handler has committed it to the store; for PEC submissions the reply names the identificativo
     * ({@code 250 2.0.0 <id>}).
     */
    SmtpReply message(SmtpSessionView session, SmtpEnvelope envelope, SpooledMessage message);
}
