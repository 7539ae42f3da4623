package it.pecgateway.gateway.cli;

import it.pecgateway.certs.KeyMaterials;
import it.pecgateway.config.GatewayConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check-config", description = "Validate the configuration and the configured key material, then exit.")
public final class CheckConfigCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ConfigOption config;

    public CheckConfigCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        GatewayConfig c = ConfigResolution.forCheck(config, context);
        if (c.keys().development()) {
            context.out().println("no key material configured: a development PKI will be made in " + c.dataDir().resolve("pki")
                    + " (never use it in production)");
        } else {
            KeyMaterials.load(c, context.clock());
        }
        context.out().println("configuration is valid: " + ConfigResolution.file(config, context).orElseThrow());
        return 0;
    }
}
