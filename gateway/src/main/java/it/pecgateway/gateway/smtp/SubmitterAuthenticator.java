package it.pecgateway.gateway.smtp;

/** Checks the credentials of a user of the submission ports. Implementations never log the password. */
public interface SubmitterAuthenticator {

    Outcome authenticate(String username, char[] password);

    /** @param mailbox the authenticated mailbox address (lower case), when accepted */
    record Outcome(Kind kind, String mailbox) {
        public static Outcome accepted(String mailbox) {
            return new Outcome(Kind.ACCEPTED, mailbox);
        }

        public static Outcome rejected() {
            return new Outcome(Kind.REJECTED, "");
        }

        /** Right password, but the mailbox is inactive, suspended or expired: it cannot send. */
        public static Outcome disabled() {
            return new Outcome(Kind.DISABLED, "");
        }
    }

    enum Kind { ACCEPTED, REJECTED, DISABLED }
}
