package it.pecgateway.access.pop3;

import java.time.Duration;

/**
 * How a POP3 command ends: a status line to write (after a delay for failed logins), or nothing more because the
 * command wrote its multi-line answer itself, or a wait for the client's next line (AUTH).
 */
record Pop3Reply(String line, Duration delay, boolean close, Continuation continuation) {

    interface Continuation {
        Pop3Reply onLine(Pop3Session session, String line);
    }

    static Pop3Reply ok(String text) {
        return new Pop3Reply("+OK " + text, Duration.ZERO, false, null);
    }

    static Pop3Reply err(String text) {
        return new Pop3Reply("-ERR " + text, Duration.ZERO, false, null);
    }

    /** The command already wrote its answer. */
    static Pop3Reply written() {
        return new Pop3Reply(null, Duration.ZERO, false, null);
    }

    static Pop3Reply waitFor(Continuation c) {
        return new Pop3Reply(null, Duration.ZERO, false, c);
    }

    Pop3Reply delayedBy(Duration d) {
        return new Pop3Reply(line, d, close, continuation);
    }

    Pop3Reply thenClose() {
        return new Pop3Reply(line, delay, true, continuation);
    }
}
