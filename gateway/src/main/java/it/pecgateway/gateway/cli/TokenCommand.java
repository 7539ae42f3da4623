package it.pecgateway.gateway.cli;

import it.pecgateway.gateway.admin.AdminRequest;
import it.pecgateway.gateway.admin.AdminRequest.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pec-gateway token create|list|revoke}: API tokens for operators and postmasters (docs/operations.md). */
@Command(name = "token", description = "API tokens of operators and postmasters (the token is printed once, stored hashed).",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public final class TokenCommand {

    @Command(name = "create", description = "Make a token: --operator, or --postmaster DOMAIN; prints it once.")
    public static final class Create implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ConfigOption config;

        @Parameters(index = "0", paramLabel = "NAME", description = "who or what uses it (letters, digits, . _ -)")
        String name;

        static final class Role {
            @Option(names = "--operator", required = true, description = "everything")
            boolean operator;

            @Option(names = "--postmaster", required = true, paramLabel = "DOMAIN", description = "the mailboxes of DOMAIN only")
            String domain;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Role role;

        @Option(names = "--valid-for", paramLabel = "DURATION", description = "for example 365d (default: until revoked)")
        String validFor;

        public Create(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            List<String> words = new ArrayList<>();
            if (role.domain != null) {
                words.add("domain=" + role.domain);
            }
            if (validFor != null) {
                words.add("valid-for=" + validFor);
            }
            return AdminCommands.run(config, new AdminRequest(Operation.TOKEN_CREATE, name, Optional.empty(), words), context);
        }
    }

    @Command(name = "list", description = "Tokens in use: id, name, role, dates (never the token).")
    public static final class ListTokens implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ConfigOption config;

        public ListTokens(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            return AdminCommands.run(config, new AdminRequest(Operation.TOKEN_LIST, "", Optional.empty()), context);
        }
    }

    @Command(name = "revoke", description = "Revoke a token by id or name: it stops working at once.")
    public static final class Revoke implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ConfigOption config;

        @Parameters(index = "0", paramLabel = "ID|NAME")
        String token;

        public Revoke(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            return AdminCommands.run(config, new AdminRequest(Operation.TOKEN_REVOKE, token, Optional.empty()), context);
        }
    }
}
