package it.pecgateway.gateway.admin;

import it.pecgateway.gateway.smtp.SmtpPath;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxSettings;
import it.pecgateway.mailstore.MailboxSettings.OrdinaryMailRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code mailbox rule} and {@code mailbox notify} on a store (issue 5): the rule for non-certified mail, and arrival
 * notices. Arguments: rule {@code [reject | anomaly | forward ADDR | folder NAME]} (none: show);
 * notify {@code [off | (to ADDR)... (from ADDR)...]} (none: show), at most two of each.
 */
final class MailboxSettingsChange {
    static final int MAX_ADDRESSES = 2;

    private final MailStore store;

    MailboxSettingsChange(MailStore store) {
        this.store = store;
    }

    AdminReply execute(AdminRequest request) {
        Optional<Mailbox> mailbox = store.accounts().find(request.subject());
        if (mailbox.isEmpty()) {
            return AdminReply.failed(1, request.subject() + ": no such mailbox");
        }
        MailboxSettings current = mailbox.get().settings();
        List<String> args = request.arguments();
        if (!args.isEmpty()) {
            String problem;
            MailboxSettings wanted;
            try {
                wanted = request.operation() == AdminRequest.Operation.MAILBOX_RULE ? rule(current, args) : notify(current, args);
                problem = null;
            } catch (IllegalArgumentException e) {
                wanted = null;
                problem = e.getMessage();
            }
            if (problem != null) {
                return AdminReply.failed(2, problem);
            }
            store.accounts().updateSettings(mailbox.get().address(), wanted);
            current = wanted;
        }
        return AdminReply.done(mailbox.get().address() + ": " + describe(current) + "\n");
    }

    static MailboxSettings rule(MailboxSettings s, List<String> args) {
        String name = args.get(0).toLowerCase(Locale.ROOT);
        Optional<String> target = args.size() > 1 ? Optional.of(args.get(1)) : Optional.empty();
        if (args.size() > 2) {
            throw new IllegalArgumentException("too many arguments for a rule");
        }
        return switch (name) {
            case "reject", "anomaly" -> {
                if (target.isPresent()) {
                    throw new IllegalArgumentException(name + " takes no target");
                }
                yield new MailboxSettings(name.equals("reject") ? OrdinaryMailRule.REJECT : OrdinaryMailRule.ANOMALY_TO_INBOX,
                        Optional.empty(), Optional.empty(), s.notifyAddresses(), s.notifyOnlyFrom());
            }
            case "forward" -> new MailboxSettings(OrdinaryMailRule.FORWARD,
                    Optional.of(address(target.orElseThrow(() -> new IllegalArgumentException("forward needs an e-mail address")))),
                    Optional.empty(), s.notifyAddresses(), s.notifyOnlyFrom());
            case "folder" -> {
                String folder = target.orElseThrow(() -> new IllegalArgumentException("folder needs a folder name"));
                if (folder.isBlank() || folder.equalsIgnoreCase("INBOX") || folder.length() > 200) {
                    throw new IllegalArgumentException("folder needs a folder name other than INBOX");
                }
                yield new MailboxSettings(OrdinaryMailRule.DELIVER_TO_FOLDER, Optional.empty(), Optional.of(folder),
                        s.notifyAddresses(), s.notifyOnlyFrom());
            }
            default -> throw new IllegalArgumentException("unknown rule '" + args.get(0) + "': use reject, forward, anomaly or folder");
        };
    }

    static MailboxSettings notify(MailboxSettings s, List<String> args) {
        if (args.equals(List.of("off"))) {
            return new MailboxSettings(s.ordinaryMail(), s.forwardTo(), s.folder(), List.of(), List.of());
        }
        List<String> to = new ArrayList<>();
        List<String> from = new ArrayList<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            switch (args.get(i)) {
                case "to" -> to.add(address(args.get(i + 1)));
                case "from" -> from.add(address(args.get(i + 1)));
                default -> throw new IllegalArgumentException("unknown notify argument " + args.get(i));
            }
        }
        if (args.size() % 2 != 0 || to.isEmpty()) {
            throw new IllegalArgumentException("arrival notices need at least one address to notify");
        }
        if (to.size() > MAX_ADDRESSES || from.size() > MAX_ADDRESSES) {
            throw new IllegalArgumentException("at most " + MAX_ADDRESSES + " addresses to notify and " + MAX_ADDRESSES + " senders");
        }
        return new MailboxSettings(s.ordinaryMail(), s.forwardTo(), s.folder(), to.stream().distinct().toList(),
                from.stream().distinct().toList());
    }

    private static String address(String value) {
        return SmtpPath.parseAddress(value).map(SmtpPath::address)
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not an e-mail address")).toLowerCase(Locale.ROOT);
    }

    static String describe(MailboxSettings s) {
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
}
