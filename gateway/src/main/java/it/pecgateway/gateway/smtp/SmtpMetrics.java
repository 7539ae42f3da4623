package it.pecgateway.gateway.smtp;

/**
 * What the SMTP listeners tell the metrics (the gateway maps it to Prometheus meters). Cheap and thread-safe;
 * labels come from closed enums.
 */
public interface SmtpMetrics {

    /** OK: 2xx and 3xx; BAD: 500-504 (syntax, unknown, sequence); ERROR: 451 4.3.0 (ours); NO: any other refusal. */
    enum Outcome {
        OK, NO, BAD, ERROR;

        static Outcome of(SmtpReply reply) {
            if (reply == null || reply.isPositive()) {
                return OK; // null: the command wrote its own positive replies (EHLO)
            }
            if (reply.code() >= 500 && reply.code() <= 504) {
                return BAD;
            }
            boolean ours = reply.code() == SmtpReplies.LOCAL_ERROR.code() && reply.status().equals(SmtpReplies.LOCAL_ERROR.status());
            return ours ? ERROR : NO;
        }
    }

    /** Why AUTH failed: wrong password or user, inactive mailbox, locked by the throttle, before TLS, unreadable. */
    enum AuthFailure { BAD_CREDENTIALS, MAILBOX_DISABLED, THROTTLED, TLS_REQUIRED, MALFORMED }

    SmtpMetrics NONE = new SmtpMetrics() {
        @Override
        public void connectionOpened() {
        }

        @Override
        public void connectionClosed() {
        }

        @Override
        public void commandCompleted(Outcome outcome) {
        }

        @Override
        public void authSucceeded() {
        }

        @Override
        public void authFailed(AuthFailure failure) {
        }

        @Override
        public void tlsHandshakeFailed() {
        }
    };

    void connectionOpened();

    void connectionClosed();

    void commandCompleted(Outcome outcome);

    void authSucceeded();

    void authFailed(AuthFailure failure);

    /** Implicit TLS from the first byte, or after STARTTLS. */
    void tlsHandshakeFailed();
}
