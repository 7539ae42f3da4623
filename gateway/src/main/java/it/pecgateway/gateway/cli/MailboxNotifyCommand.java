package it.pecgateway.gateway.cli;

import it.pecgateway.gateway.admin.AdminRequest;
import it.pecgateway.gateway.admin.AdminRequest.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pec-gateway mailbox notify ADDRESS [--to ADDR]... [--only-from ADDR]... [--off]}: arrival notices to up to
 * two ordinary addresses, optionally only for mail from up to two senders (issue 5); they name sender, recipient,
 * subject and time, never the content. Without options it prints the current settings. Works while the gateway runs.
 */
@Command(name = "notify", description = "Show or set arrival notices: --to (at most two ordinary addresses),"
        + " --only-from (at most two senders), --off to stop them.")
public final class MailboxNotifyCommand implements Callable<Integer> {
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
    public Integer call() throws Exception {
        if (off && (!to.isEmpty() || !onlyFrom.isEmpty())) {
            throw new UsageError("--off excludes --to and --only-from");
        }
        List<String> arguments = new ArrayList<>();
        if (off) {
            arguments.add("off");
        }
        to.forEach(a -> arguments.addAll(List.of("to", a)));
        onlyFrom.forEach(a -> arguments.addAll(List.of("from", a)));
        return AdminCommands.run(config, new AdminRequest(Operation.MAILBOX_NOTIFY, address, Optional.empty(), arguments), context);
    }
}
