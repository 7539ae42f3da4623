package it.pecgateway.gateway.cli;

import it.pecgateway.gateway.admin.AdminRequest;
import it.pecgateway.gateway.admin.AdminRequest.Operation;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code pec-gateway lifecycle run}: the life-cycle job once, now (the gateway also runs it every check-interval). */
@Command(name = "lifecycle", description = "The mailbox life cycle.", subcommands = LifecycleCommand.Run.class)
public final class LifecycleCommand {

    @Command(name = "run", description = "Expire mailboxes past their date, delete expired ones past the grace period and remove"
            + " finished queue entries and claims past their retention, now.")
    public static final class Run implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ConfigOption config;

        public Run(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            return AdminCommands.run(config, new AdminRequest(Operation.LIFECYCLE_RUN, "", Optional.empty()), context);
        }
    }
}
