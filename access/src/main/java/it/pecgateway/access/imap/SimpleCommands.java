package it.pecgateway.access.imap;

import java.util.Set;

/** Commands with no store work and no arguments worth a class of their own. */
final class SimpleCommands {
    private SimpleCommands() {
    }

    static final class Capability extends ImapCommand {
        Capability() {
            super("CAPABILITY", ImapState.ANY);
        }

        Reply handle(ImapSession s, ImapReader r, boolean uid) {
            r.expectEnd();
            s.out.untagged("CAPABILITY " + Capabilities.of(s));
            return Reply.ok("CAPABILITY completed");
        }
    }

    /** NOOP and CHECK: a poll; pending changes are announced. */
    static final class Noop extends ImapCommand {
        Noop(String name) {
            super(name, name.equals("CHECK") ? ImapState.ONLY_SELECTED : ImapState.ANY);
        }

        Reply handle(ImapSession s, ImapReader r, boolean uid) {
            r.expectEnd();
            if (s.selected != null) {
                s.selected.refresh(s.ctx.store(), s.out, true, true, s.condstore);
            }
            return Reply.ok(name() + " completed");
        }
    }

    static final class Logout extends ImapCommand {
        Logout() {
            super("LOGOUT", ImapState.ANY);
        }

        Reply handle(ImapSession s, ImapReader r, boolean uid) {
            r.expectEnd();
            s.out.untagged("BYE Logging out");
            return Reply.ok("LOGOUT completed").then(Reply.After.CLOSE);
        }
    }

    static final class StartTls extends ImapCommand {
        StartTls() {
            super("STARTTLS", ImapState.UNAUTHENTICATED);
        }

        Reply handle(ImapSession s, ImapReader r, boolean uid) {
            r.expectEnd();
            if (s.tls || !s.ctx.starttlsOffered()) {
                return Reply.bad("STARTTLS not available");
            }
            return Reply.ok("Begin TLS negotiation now").then(Reply.After.START_TLS);
        }
    }

    static final class Namespace extends ImapCommand {
        Namespace() {
            super("NAMESPACE", ImapState.LOGGED_IN);
        }

        Reply handle(ImapSession s, ImapReader r, boolean uid) {
            r.expectEnd();
            s.out.untagged("NAMESPACE ((\"\" \"" + MailboxNames.DELIMITER + "\")) NIL NIL");
            return Reply.ok("NAMESPACE completed");
        }
    }

    /** RFC 5161: only CONDSTORE is an extension to enable here. */
    static final class Enable extends ImapCommand {
        Enable() {
            super("ENABLE", Set.of(ImapState.AUTHENTICATED));
        }

        Reply handle(ImapSession s, ImapReader r, boolean uid) {
            StringBuilder enabled = new StringBuilder("ENABLED");
            r.space();
            while (!r.atEnd()) {
                String capability = r.atom();
                if (capability.equalsIgnoreCase("CONDSTORE") && !s.condstore) {
                    s.condstore = true;
                    enabled.append(" CONDSTORE");
                }
                r.tryConsume(' ');
            }
            s.out.untagged(enabled.toString());
            return Reply.ok("ENABLE completed");
        }
    }

    /** RFC 2971: the client's identification is read and ignored; ours is minimal. */
    static final class Id extends ImapCommand {
        Id() {
            super("ID", ImapState.ANY);
        }

        Reply handle(ImapSession s, ImapReader r, boolean uid) {
            r.space();
            if (r.tryConsume('(')) {
                while (!r.tryConsume(')')) {
                    r.nstring();
                    r.tryConsume(' ');
                    if (r.atEnd()) {
                        throw new ImapSyntaxException("Unterminated ID list");
                    }
                }
            } else if (r.nstring() != null) {
                throw new ImapSyntaxException("ID expects a list or NIL");
            }
            r.expectEnd();
            s.out.untagged("ID (\"name\" \"PEC gateway\")");
            return Reply.ok("ID completed");
        }
    }

    /** UNSELECT (RFC 3691) leaves without expunging; CLOSE expunges first when it may. */
    static final class Close extends ImapCommand {
        private final boolean expunge;

        Close(boolean expunge) {
            super(expunge ? "CLOSE" : "UNSELECT", ImapState.ONLY_SELECTED);
            this.expunge = expunge;
        }

        Reply handle(ImapSession s, ImapReader r, boolean uid) {
            r.expectEnd();
            if (expunge && !s.selected.readOnly && !s.readOnlyAccount) {
                s.ctx.store().messages().expunge(s.selected.folder.id(), java.util.Optional.empty());
            }
            s.select(null);
            return Reply.ok(name() + " completed");
        }
    }
}
