package it.pecgateway.access.imap;

import java.util.EnumSet;
import java.util.Set;

/** RFC 3501 section 3 connection states (LOGOUT is terminal and never dispatched). */
enum ImapState {
    NOT_AUTHENTICATED, AUTHENTICATED, SELECTED;

    static final Set<ImapState> ANY = EnumSet.allOf(ImapState.class);
    static final Set<ImapState> UNAUTHENTICATED = EnumSet.of(NOT_AUTHENTICATED);
    static final Set<ImapState> LOGGED_IN = EnumSet.of(AUTHENTICATED, SELECTED);
    static final Set<ImapState> ONLY_SELECTED = EnumSet.of(SELECTED);
}
