package it.pecgateway.access.imap;

import java.util.Set;

/** Commands with no store work and no arguments worth a class of their own. */
final class SimpleCommands {
    private SimpleCommands() {
    }

    static final class Capability implements ImapCommand {
        public String name() {
            return "CAPABILITY";
        }

        public Set<ImapState> states() {
            return ImapState.ANY;
        }

        public Reply handle(ImapSession s, ImapReader r, boolean uid) {
            r.expectEnd();
            s.out.untagged("CAPABILITY " + Capabilities.of(s));
            return Reply.ok("CAPABILITY completed");
        }
    }

    /** NOOP and CHECK: a poll; pending changes are announced. */
    static final class Noop implements ImapCommand {
        private final String name;

        Noop(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public Set<ImapState> states() {
            return name.equals("CHECK") ? ImapState.ONLY_SELECTED : ImapState.ANY;
        }

        public Reply handle(ImapSession s, ImapReader r, boolean uid) {
            r.expectEnd();
            if (s.selected != null) {
                s.selected.refresh(s.ctx.store(), s.out, true, true, s.condstore);
            }
            return Reply.ok(name + " completed");
        }
    }

    static final class Logout implements ImapCommand {
        public String name() {
            return "LOGOUT";
        }

        public Set<ImapState> states() {
            return ImapState.ANY;
        }

        public Reply handle(ImapSession s, ImapReader r, boolean uid) {
            r.expectEnd();
            s.out.untagged("BYE Logging out");
            return Reply.ok("LOGOUT completed").then(Reply.After.CLOSE);
        }
    }

    static final class StartTls implements ImapCommand {
        public String name() {
            return "STARTTLS";
        }

        public Set<ImapState> states() {
            return ImapState.UNAUTHENTICATED;
        }

        public Reply handle(ImapSession s, ImapReader r, boolean uid) {
            r.expectEnd();
            if (s.tls || !s.ctx.starttlsOffered()) {
                return Reply.bad("STARTTLS not available");
            }
            return Reply.ok("Begin TLS negotiation now").then(Reply.After.START_TLS);
        }
    }

    static final class Namespace implements ImapCommand {
        public String name() {
            return "NAMESPACE";
        }

        public Set<ImapState> states() {
            return ImapState.LOGGED_IN;
        }

        public Reply handle(ImapSession s, ImapReader r, boolean uid) {
            r.expectEnd();
            s.out.untagged("NAMESPACE ((\"\" \"" + MailboxNames.DELIMITER + "\")) NIL NIL");
            return Reply.ok("NAMESPACE completed");
        }
    }

    /** RFC 5161: only CONDSTORE is an extension to enable here. */
    static final class Enable implements ImapCommand {
        public String name() {
            return "ENABLE";
        }

        public Set<ImapState> states() {
            return Set.of(ImapState.AUTHENTICATED);
        }

        public Reply handle(ImapSession s, ImapReader r, boolean uid) {
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
    static final class Id implements ImapCommand {
        public String name() {
            return "ID";
        }

        public Set<ImapState> states() {
            return ImapState.ANY;
        }

        public Reply handle(ImapSession s, ImapReader r, boolean uid) {
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
    static final class Close implements ImapCommand {
        private final boolean expunge;

        Close(boolean expunge) {
            this.expunge = expunge;
        }

        public String name() {
            return expunge ? "CLOSE" : "UNSELECT";
        }

        public Set<ImapState> states() {
            return ImapState.ONLY_SELECTED;
        }

        public Reply handle(ImapSession s, ImapReader r, boolean uid) {
            r.expectEnd();
            if (expunge && !s.selected.readOnly && !s.readOnlyAccount) {
                s.ctx.store().messages().expunge(s.selected.folder.id(), java.util.Optional.empty());
            }
            s.select(null);
            return Reply.ok(name() + " completed");
        }
    }
}
