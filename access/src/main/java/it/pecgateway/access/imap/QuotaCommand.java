package it.pecgateway.access.imap;

import it.pecgateway.mailstore.Messages;

/**
 * QUOTA (RFC 2087/9208): one quota root {@code ""} per mailbox holding its storage; read-only for users.
 * A mailbox without a limit has no quota root.
 */
final class QuotaCommand extends ImapCommand {
    QuotaCommand(String name) {
        super(name, ImapState.LOGGED_IN);
    }

    Reply handle(ImapSession s, ImapReader r, boolean uid) {
        r.space();
        String argument = r.astring();
        switch (name()) {
            case "SETQUOTA" -> {
                r.rest();
                return Reply.no("NOPERM", "Quotas are set by the provider");
            }
            case "GETQUOTAROOT" -> {
                r.expectEnd();
                String folder = MailboxNames.fromWire(argument);
                if (MailboxNames.find(s, folder).isEmpty()) {
                    return Reply.no("NONEXISTENT", "Mailbox does not exist");
                }
                Messages.QuotaUsage usage = s.ctx.store().messages().quota(s.user.id());
                if (usage.limitBytes() == 0) {
                    s.out.untagged("QUOTAROOT " + MailboxNames.toWire(folder));
                } else {
                    s.out.untagged("QUOTAROOT " + MailboxNames.toWire(folder) + " \"\"");
                    s.out.untagged(quota(usage));
                }
                return Reply.ok("GETQUOTAROOT completed");
            }
            default -> {
                r.expectEnd();
                Messages.QuotaUsage usage = s.ctx.store().messages().quota(s.user.id());
                if (!argument.isEmpty() || usage.limitBytes() == 0) {
                    return Reply.no("NONEXISTENT", "No such quota root");
                }
                s.out.untagged(quota(usage));
                return Reply.ok("GETQUOTA completed");
            }
        }
    }

    /** Storage in units of 1024 octets, rounded up. */
    private static String quota(Messages.QuotaUsage usage) {
        return "QUOTA \"\" (STORAGE " + (usage.usedBytes() + 1023) / 1024 + " " + usage.limitBytes() / 1024 + ")";
    }
}
