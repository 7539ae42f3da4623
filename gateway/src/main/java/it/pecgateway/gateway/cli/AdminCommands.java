package it.pecgateway.gateway.cli;

import it.pecgateway.config.GatewayConfig;
import it.pecgateway.gateway.admin.AdminReply;
import it.pecgateway.gateway.admin.AdminRequest;
import it.pecgateway.gateway.admin.AdminSocketClient;
import it.pecgateway.gateway.admin.MailboxAdministration;
import it.pecgateway.gateway.ops.Operations;
import it.pecgateway.gateway.ops.PublicUrl;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Runs a domain or mailbox command: on the running gateway through its administration socket when one runs on
 * this data directory (the embedded store admits one process), else on the store opened here.
 */
final class AdminCommands {
    private AdminCommands() {
    }

    static int run(ConfigOption option, AdminRequest request, CliContext context) throws IOException {
        return report(send(option, request, context), context);
    }

    /** The reply of the running gateway, or of the store opened here. */
    static AdminReply send(ConfigOption option, AdminRequest request, CliContext context) throws IOException {
        GatewayConfig config = ConfigResolution.forAdministration(option, context);
        Optional<AdminReply> remote = AdminSocketClient.send(config.dataDir(), request);
        return remote.isPresent() ? remote.get() : runHere(config, request, context);
    }

    /** Prints the reply (output on stdout, error on stderr) and gives the exit status. */
    static int report(AdminReply reply, CliContext context) {
        context.out().print(reply.output());
        context.out().flush();
        if (!reply.error().isEmpty()) {
            context.err().println("pec-gateway: " + reply.error());
        }
        return reply.status();
    }

    private static AdminReply runHere(GatewayConfig config, AdminRequest request, CliContext context) {
        try (MailStore store = MailStores.open(config.storage(), context.clock())) {
            MailboxAdministration.ensureDomains(store, config.provider().domains());
            Operations ops = Operations.of(config, store, context.clock(), PublicUrl.of(config, () -> config.listeners().http().port()));
            return new MailboxAdministration(ops).execute(request);
        }
    }

    /** The first line of standard input, without its line end; never echoed nor logged. */
    static String passwordFromStdin(CliContext context) throws IOException {
        String line = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new UsageError("--password-stdin: standard input holds no password (one line expected)");
        }
        return line;
    }
}
