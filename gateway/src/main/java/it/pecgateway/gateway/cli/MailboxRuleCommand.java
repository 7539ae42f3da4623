package it.pecgateway.gateway.cli;

import it.pecgateway.gateway.smtp.SmtpPath;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStores;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxSettings;
import it.pecgateway.mailstore.MailboxSettings.OrdinaryMailRule;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code pec-gateway mailbox rule ADDRESS [reject | forward ADDR | anomaly | folder NAME]}: what happens to mail
 * that is not certified arriving for a mailbox (issue 5). Without a rule it prints the current one.
 */
@Command(name = "rule", description = "Show or set the rule for non-certified mail: reject (default), forward ADDRESS,"
        + " anomaly (deliver to INBOX inside an anomaly envelope), folder NAME.")
public final class MailboxRuleCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ConfigOption config;

    @Parameters(index = "0", paramLabel = "ADDRESS", description = "the PEC mailbox")
    String address;

    @Parameters(index = "1", arity = "0..1", paramLabel = "RULE", description = "reject, forward, anomaly or folder")
    String rule;

    @Parameters(index = "2", arity = "0..1", paramLabel = "TARGET", description = "the address (forward) or folder name (folder)")
    String target;

    public MailboxRuleCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Optional<MailboxSettings> wanted = rule == null ? Optional.empty() : Optional.ofNullable(parse());
        if (rule != null && wanted.isEmpty()) {
            return 2;
        }
        try (MailStore store = MailStores.open(ConfigResolution.forAdministration(config, context).storage(), context.clock())) {
            Optional<Mailbox> mailbox = store.accounts().find(address);
            if (mailbox.isEmpty()) {
                context.err().println("pec-gateway: no mailbox " + address);
                return 1;
            }
            MailboxSettings current = mailbox.get().settings();
            if (wanted.isPresent()) {
                MailboxSettings w = wanted.get();
                current = new MailboxSettings(w.ordinaryMail(), w.forwardTo(), w.folder(), current.notifyAddresses(), current.notifyOnlyFrom());
                store.accounts().updateSettings(mailbox.get().address(), current);
            }
            context.out().println(mailbox.get().address() + ": " + describe(current));
            return 0;
        }
    }

    private MailboxSettings parse() {
        String name = rule.toLowerCase(Locale.ROOT);
        Optional<String> forward = Optional.empty();
        Optional<String> folder = Optional.empty();
        OrdinaryMailRule r;
        switch (name) {
            case "reject" -> r = OrdinaryMailRule.REJECT;
            case "anomaly" -> r = OrdinaryMailRule.ANOMALY_TO_INBOX;
            case "forward" -> {
                r = OrdinaryMailRule.FORWARD;
                if (target == null || SmtpPath.parseAddress(target).isEmpty()) {
                    return usage("forward needs an e-mail address");
                }
                forward = Optional.of(target.toLowerCase(Locale.ROOT));
            }
            case "folder" -> {
                r = OrdinaryMailRule.DELIVER_TO_FOLDER;
                if (target == null || target.isBlank() || target.equalsIgnoreCase("INBOX") || target.length() > 200) {
                    return usage("folder needs a folder name other than INBOX");
                }
                folder = Optional.of(target);
            }
            default -> {
                return usage("unknown rule '" + rule + "': use reject, forward, anomaly or folder");
            }
        }
        if (target != null && (r == OrdinaryMailRule.REJECT || r == OrdinaryMailRule.ANOMALY_TO_INBOX)) {
            return usage(name + " takes no target");
        }
        return new MailboxSettings(r, forward, folder, java.util.List.of(), java.util.List.of());
    }

    private MailboxSettings usage(String why) {
        context.err().println("pec-gateway: " + why);
        return null;
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
