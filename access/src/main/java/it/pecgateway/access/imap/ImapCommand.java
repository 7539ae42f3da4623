package it.pecgateway.access.imap;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One IMAP command: its name and the guards the dispatcher checks before running it, declared once in the
 * constructor, and its handler. Handlers run on a store thread, write untagged responses through the session and
 * return the tagged reply; they never touch the channel's pipeline.
 */
abstract class ImapCommand {

    /** What the dispatcher must know of a command besides its name and states. */
    enum Trait {
        /** Modifies the mailbox: refused for read-only (expired) accounts. */
        WRITES,
        /** Has a UID form ({@code UID FETCH}...). */
        UID_FORM,
        /**
         * No untagged EXPUNGE while its sequence-number form runs (RFC 3501 7.4.1: FETCH, STORE and SEARCH, whose
         * numbers would shift; their UID forms are fine).
         */
        HOLDS_EXPUNGES
    }

    private final String name;
    private final Set<ImapState> states;
    private final Set<Trait> traits;

    /** @param states the states the command is valid in; others get BAD */
    ImapCommand(String name, Set<ImapState> states, Trait... traits) {
        this.name = name;
        this.states = states;
        this.traits = traits.length == 0 ? EnumSet.noneOf(Trait.class) : EnumSet.copyOf(List.of(traits));
    }

    final String name() {
        return name;
    }

    final Set<ImapState> states() {
        return states;
    }

    final boolean writes() {
        return traits.contains(Trait.WRITES);
    }

    final boolean hasUidForm() {
        return traits.contains(Trait.UID_FORM);
    }

    /** Whether untagged EXPUNGE may be sent while this command runs in this form. */
    final boolean allowsExpunge(boolean uid) {
        return uid || !traits.contains(Trait.HOLDS_EXPUNGES);
    }

    abstract Reply handle(ImapSession session, ImapReader args, boolean uid) throws IOException;
}
