package it.pecgateway.gateway.ops;

/**
 * Who asks for an operation. Every service call names its actor; {@link Permissions} decides what each may do,
 * and the legal log records who did it ({@link #describe()}).
 */
public sealed interface Actor {

    /** As written in the legal log's sender field. */
    String describe();

    /** A provider's operator: everything. Local administration (the CLI on the gateway's host) is one too. */
    record Operator(String name) implements Actor {
        public static final Operator LOCAL = new Operator("local-administration");

        @Override
        public String describe() {
            return "operator:" + name;
        }
    }

    /** The postmaster of one PEC domain: the mailboxes of that domain only. */
    record Postmaster(String name, String domain) implements Actor {
        @Override
        public String describe() {
            return "postmaster:" + name + "@" + domain;
        }
    }

    /** The holder of one mailbox, logged in with its password: that mailbox only. */
    record Holder(String address) implements Actor {
        @Override
        public String describe() {
            return address;
        }
    }

    /** Someone not logged in (password-reset requests), known by the client address only. */
    record Anonymous(String remoteAddress) implements Actor {
        @Override
        public String describe() {
            return "anonymous:" + (remoteAddress.isEmpty() ? "unknown" : remoteAddress);
        }
    }

    /** The gateway itself (the life-cycle job). */
    record System(String job) implements Actor {
        @Override
        public String describe() {
            return "system:" + job;
        }
    }
}
