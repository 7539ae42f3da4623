package it.pecgateway.gateway.cli;

import it.pecgateway.gateway.admin.AdminRequest;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "domain", description = "Hosted PEC domains.", subcommands = DomainCommand.Add.class)
public final class DomainCommand {

    @Command(name = "add", description = "Host one more PEC domain (the configured ones are added at every start).")
    public static final class Add implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "DOMAIN")
        String domain;

        public Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            return AdminCommands.run(config, new AdminRequest(AdminRequest.Operation.ADD_DOMAIN, domain, Optional.empty()), context);
        }
    }
}
