package it.pecgateway.access.imap;

import java.time.Duration;

/**
 * How a command ends: the tagged status line, or a continuation that takes the client's next line (AUTHENTICATE,
 * IDLE). Failed logins carry a delay; LOGOUT and STARTTLS carry what happens after the line is written.
 */
record Reply(Status status, String code, String text, Duration delay, Continuation continuation, After after) {

    enum Status { OK, NO, BAD, CONTINUE }

    enum After { NOTHING, CLOSE, START_TLS }

    /** Takes the next client line while a command waits for it. */
    interface Continuation {
        Reply onLine(ImapSession session, String line) throws java.io.IOException;
    }

    static Reply ok(String text) {
        return new Reply(Status.OK, null, text, Duration.ZERO, null, After.NOTHING);
    }

    static Reply ok(String code, String text) {
        return new Reply(Status.OK, code, text, Duration.ZERO, null, After.NOTHING);
    }

    static Reply no(String code, String text) {
        return new Reply(Status.NO, code, text, Duration.ZERO, null, After.NOTHING);
    }

    static Reply bad(String text) {
        return new Reply(Status.BAD, null, text, Duration.ZERO, null, After.NOTHING);
    }

    static Reply waitFor(Continuation continuation) {
        return new Reply(Status.CONTINUE, null, null, Duration.ZERO, continuation, After.NOTHING);
    }

    Reply delayedBy(Duration d) {
        return new Reply(status, code, text, d, continuation, after);
    }

    Reply then(After next) {
        return new Reply(status, code, text, delay, continuation, next);
    }

    /** The tagged line, CRLF included. */
    String line(String tag) {
        return tag + " " + status + " " + (code == null ? "" : "[" + code + "] ") + text + "\r\n";
    }
}
