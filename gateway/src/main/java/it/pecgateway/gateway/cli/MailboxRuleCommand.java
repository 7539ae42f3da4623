package it.pecgateway.gateway.cli;

import it.pecgateway.gateway.admin.AdminRequest;
import it.pecgateway.gateway.admin.AdminRequest.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code pec-gateway mailbox rule ADDRESS [reject | forward ADDR | anomaly | folder NAME]}: the rule for mail that is
 * not certified (issue 5); without a rule it prints the current settings. Works while the gateway runs.
 */
@Command(name = "rule", description = "Show or set the rule for non-certified mail: reject (default), forward ADDRESS,"
        + " anomaly (to INBOX inside an anomaly envelope), folder NAME.")
public final class MailboxRuleCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ConfigOption config;

    @Parameters(index = "0", paramLabel = "ADDRESS", description = "the PEC mailbox")
    String address;

    @Parameters(index = "1..*", arity = "0..2", paramLabel = "RULE", description = "reject | anomaly | forward ADDRESS | folder NAME")
    List<String> rule = new ArrayList<>();

    public MailboxRuleCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        return AdminCommands.run(config, new AdminRequest(Operation.MAILBOX_RULE, address, Optional.empty(), rule), context);
    }
}
