package it.pecgateway.access.pop3;

import java.io.IOException;

/** One POP3 command: the state it is valid in (checked by the dispatcher) and its handler (on a store thread). */
record Pop3Command(String name, Pop3State state, Handler handler) {

    interface Handler {
        Pop3Reply handle(Pop3Session session, String args) throws IOException;
    }

    /** QUIT and CAPA are valid in both states. */
    static final Pop3State ANY = null;

    boolean allowedIn(Pop3State current) {
        return state == ANY || state == current;
    }
}
