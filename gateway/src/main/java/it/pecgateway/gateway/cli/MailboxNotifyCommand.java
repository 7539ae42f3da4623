package it.pecgateway.gateway.cli;

import it.pecgateway.gateway.smtp.SmtpPath;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStores;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pec-gateway mailbox notify ADDRESS [--to ADDR]... [--only-from ADDR]... [--off]}: arrival notices to up to
 * two ordinary addresses, optionally only for mail from up to two senders (issue 5). The notice names sender,
 * recipient, subject and time, never the content.
 */
@Command(name = "notify", description = "Show or set arrival notices: --to (at most two ordinary addresses),"
        + " --only-from (at most two senders), --off to stop them.")
public final class MailboxNotifyCommand implements Callable<Integer> {
    static final int MAX = 2;
    private final CliContext context;

    @Mixin
    ConfigOption config;

    @Parameters(index = "0", paramLabel = "ADDRESS", description = "the PEC mailbox")
    String address;

    @Option(names = "--to", paramLabel = "ADDR", description = "an ordinary address to notify (at most two)")
    List<String> to = new ArrayList<>();

    @Option(names = "--only-from", paramLabel = "ADDR", description = "notify only for mail from this sender (at most two)")
    List<String> onlyFrom = new ArrayList<>();

    @Option(names = "--off", description = "no arrival notices any more")
    boolean off;

    public MailboxNotifyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Optional<String> problem = check();
        if (problem.isPresent()) {
            context.err().println("pec-gateway: " + problem.get());
            return 2;
        }
        try (MailStore store = MailStores.open(ConfigResolution.forAdministration(config, context).storage(), context.clock())) {
            Optional<Mailbox> mailbox = store.accounts().find(address);
            if (mailbox.isEmpty()) {
                context.err().println("pec-gateway: no mailbox " + address);
                return 1;
            }
            MailboxSettings s = mailbox.get().settings();
            if (off || !to.isEmpty()) {
                s = new MailboxSettings(s.ordinaryMail(), s.forwardTo(), s.folder(), off ? List.of() : lower(to),
                        off ? List.of() : lower(onlyFrom));
                store.accounts().updateSettings(mailbox.get().address(), s);
            }
            context.out().println(mailbox.get().address() + ": " + MailboxRuleCommand.describe(s));
            return 0;
        }
    }

    private Optional<String> check() {
        if (off && (!to.isEmpty() || !onlyFrom.isEmpty())) {
            return Optional.of("--off excludes --to and --only-from");
        }
        if (!onlyFrom.isEmpty() && to.isEmpty()) {
            return Optional.of("--only-from needs --to");
        }
        if (to.size() > MAX || onlyFrom.size() > MAX) {
            return Optional.of("at most " + MAX + " addresses for --to and for --only-from");
        }
        for (String a : concat()) {
            if (SmtpPath.parseAddress(a).isEmpty()) {
                return Optional.of("'" + a + "' is not an e-mail address");
            }
        }
        return Optional.empty();
    }

    private List<String> concat() {
        List<String> all = new ArrayList<>(to);
        all.addAll(onlyFrom);
        return all;
    }

    private static List<String> lower(List<String> addresses) {
        return addresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).distinct().toList();
    }
}
