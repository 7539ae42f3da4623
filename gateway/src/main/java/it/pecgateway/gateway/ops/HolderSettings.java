package it.pecgateway.gateway.ops;

import it.pecgateway.gateway.ops.Permissions.Action;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxSettings;
import it.pecgateway.mailstore.MailboxSettings.OrdinaryMailRule;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule for non-certified mail and the arrival notices (issue 5) of one mailbox: the words people use
 * ({@code reject}, {@code forward ADDRESS}, {@code anomaly}, {@code folder NAME}; at most two notice addresses and
 * two senders), checked here for the CLI, the API and the panel alike.
 */
public final class HolderSettings {
    public static final int MAX_ADDRESSES = 2;

    private final OpsContext ctx;

    public HolderSettings(OpsContext ctx) {
        this.ctx = ctx;
    }

    public MailboxSettings setRule(Actor actor, String address, String rule, Optional<String> target) {
        Permissions.require(actor, Action.CHANGE_SETTINGS, address);
        Mailbox m = ctx.mailbox(address);
        MailboxSettings next = rule(m.settings(), rule, target);
        return save(actor, m, next, OpsEvent.ORDINARY_MAIL_RULE_CHANGED);
    }

    public MailboxSettings setNotices(Actor actor, String address, List<String> to, List<String> onlyFrom) {
        Permissions.require(actor, Action.CHANGE_SETTINGS, address);
        Mailbox m = ctx.mailbox(address);
        MailboxSettings next = notices(m.settings(), to, onlyFrom);
        return save(actor, m, next, OpsEvent.ARRIVAL_NOTICES_CHANGED);
    }

    private MailboxSettings save(Actor actor, Mailbox m, MailboxSettings next, OpsEvent event) {
        ctx.store().inTransaction(tx -> {
            tx.accounts().updateSettings(m.address(), next);
            ctx.log().record(tx, ctx.now(), actor, event, m.address(), describe(next));
            return null;
        });
        return next;
    }

    /** UNPROCESSABLE for an unknown rule or a missing or wrong target. */
    public static MailboxSettings rule(MailboxSettings s, String name, Optional<String> target) {
        String rule = name.toLowerCase(Locale.ROOT);
        switch (rule) {
            case "reject", "anomaly" -> {
                if (target.isPresent()) {
                    throw wrong(rule + " takes no target");
                }
                return new MailboxSettings(rule.equals("reject") ? OrdinaryMailRule.REJECT : OrdinaryMailRule.ANOMALY_TO_INBOX,
                        Optional.empty(), Optional.empty(), s.notifyAddresses(), s.notifyOnlyFrom());
            }
            case "forward" -> {
                String to = address(target.orElseThrow(() -> wrong("forward needs an e-mail address")));
                return new MailboxSettings(OrdinaryMailRule.FORWARD, Optional.of(to), Optional.empty(), s.notifyAddresses(),
                        s.notifyOnlyFrom());
            }
            case "folder" -> {
                String folder = target.map(String::trim).orElse("");
                if (folder.isEmpty() || folder.equalsIgnoreCase("INBOX") || folder.length() > 200
                        || folder.chars().anyMatch(Character::isISOControl)) {
                    throw wrong("folder needs a folder name other than INBOX");
                }
                return new MailboxSettings(OrdinaryMailRule.DELIVER_TO_FOLDER, Optional.empty(), Optional.of(folder),
                        s.notifyAddresses(), s.notifyOnlyFrom());
            }
            default -> throw wrong("unknown rule '" + name + "': use reject, forward, anomaly or folder");
        }
    }

    /** No {@code to}: notices off (and the sender filter with them). */
    public static MailboxSettings notices(MailboxSettings s, List<String> to, List<String> onlyFrom) {
        if (to.isEmpty() && !onlyFrom.isEmpty()) {
            throw wrong("arrival notices need at least one address to notify");
        }
        if (to.size() > MAX_ADDRESSES || onlyFrom.size() > MAX_ADDRESSES) {
            throw wrong("at most " + MAX_ADDRESSES + " addresses to notify and " + MAX_ADDRESSES + " senders");
        }
        return new MailboxSettings(s.ordinaryMail(), s.forwardTo(), s.folder(),
                to.stream().map(HolderSettings::address).distinct().toList(),
                onlyFrom.stream().map(HolderSettings::address).distinct().toList());
    }

    public static String ruleName(OrdinaryMailRule rule) {
        return switch (rule) {
            case REJECT -> "reject";
            case FORWARD -> "forward";
            case ANOMALY_TO_INBOX -> "anomaly";
            case DELIVER_TO_FOLDER -> "folder";
        };
    }

    public static String describe(MailboxSettings s) {
        String rule = switch (s.ordinaryMail()) {
            case REJECT -> "non-certified mail is rejected";
            case FORWARD -> "non-certified mail is forwarded to " + s.forwardTo().orElse("?");
            case ANOMALY_TO_INBOX -> "non-certified mail goes to INBOX in an anomaly envelope";
            case DELIVER_TO_FOLDER -> "non-certified mail goes to folder " + s.folder().orElse("?");
        };
        String notices = s.notifyAddresses().isEmpty() ? "no arrival notices"
                : "arrival notices to " + String.join(", ", s.notifyAddresses())
                + (s.notifyOnlyFrom().isEmpty() ? "" : " for mail from " + String.join(", ", s.notifyOnlyFrom()));
        return rule + "; " + notices;
    }

    private static String address(String value) {
        return Addresses.parse(value).map(a -> a.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> wrong("'" + value + "' is not an e-mail address"));
    }

    private static OpsException wrong(String why) {
        return OpsException.unprocessable(why, List.of(why));
    }
}
