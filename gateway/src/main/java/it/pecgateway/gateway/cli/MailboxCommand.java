package it.pecgateway.gateway.cli;

import it.pecgateway.gateway.admin.AdminRequest;
import it.pecgateway.gateway.admin.AdminRequest.Operation;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mailbox", description = "PEC mailboxes; works while the gateway runs and takes effect at once.",
        subcommands = {MailboxCommand.Add.class, MailboxCommand.Passwd.class, MailboxCommand.List.class,
                MailboxLifecycleCommands.Show.class, MailboxLifecycleCommands.Holder.class, MailboxLifecycleCommands.Suspend.class,
                MailboxLifecycleCommands.Resume.class, MailboxLifecycleCommands.Renew.class, MailboxLifecycleCommands.Delete.class,
                MailboxLifecycleCommands.Reset.class, MailboxLifecycleCommands.Import.class,
                MailboxRuleCommand.class, MailboxNotifyCommand.class})
public final class MailboxCommand {

    @Command(name = "add", description = "Create a mailbox in a hosted domain: active when given a password, else inactive"
            + " (with --recovery-email, an activation link is e-mailed there).")
    public static final class Add implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "ADDRESS")
        String address;

        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        boolean passwordStdin;

        @Option(names = "--tax-code", paramLabel = "CODE", description = "the holder's codice fiscale (for password resets)")
        String taxCode;

        @Option(names = "--recovery-email", paramLabel = "ADDRESS", description = "where reset and activation links go")
        String recoveryEmail;

        @Option(names = "--phone", paramLabel = "+39...", description = "the holder's recovery phone")
        String phone;

        @Option(names = "--quota", paramLabel = "SIZE", description = "storage quota, for example 2GB (default unlimited)")
        String quota;

        @Option(names = "--expires", paramLabel = "YYYY-MM-DD", description = "last valid day (default: validity years from activation)")
        String expires;

        public Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            Optional<String> password = passwordStdin ? Optional.of(AdminCommands.passwordFromStdin(context)) : Optional.empty();
            java.util.List<String> words = MailboxLifecycleCommands.OnMailbox.given("tax-code", taxCode,
                    "recovery-email", recoveryEmail, "phone", phone, "quota", quota, "expires", expires);
            return AdminCommands.run(config, new AdminRequest(Operation.ADD_MAILBOX, address, password, words), context);
        }
    }

    @Command(name = "passwd", description = "Set a mailbox's password (and activate it when inactive).")
    public static final class Passwd implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "ADDRESS")
        String address;

        @Option(names = "--password-stdin", required = true, description = "read the password from the first line of standard input")
        boolean passwordStdin;

        public Passwd(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            String password = AdminCommands.passwordFromStdin(context);
            return AdminCommands.run(config, new AdminRequest(Operation.SET_PASSWORD, address, Optional.of(password)), context);
        }
    }

    @Command(name = "list", description = "List mailboxes (address and state), of one domain or all.")
    public static final class List implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "DOMAIN", arity = "0..1")
        String domain;

        public List(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            return AdminCommands.run(config, new AdminRequest(Operation.LIST_MAILBOXES, domain == null ? "" : domain,
                    Optional.empty()), context);
        }
    }
}
