package it.pecgateway.gateway.cli;

import it.pecgateway.certs.KeyMaterial;
import it.pecgateway.certs.KeyMaterials;
import it.pecgateway.certs.PemFiles;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "pki", description = "Key material.", subcommands = PkiCommand.ExportCa.class)
public final class PkiCommand {

    @Command(name = "export-ca", description = "Print the CA certificate(s) clients and peers must trust, as PEM:"
            + " the development CA, or the top certificate of each configured chain.")
    public static final class ExportCa implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ConfigOption config;

        public ExportCa(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            KeyMaterial keys = KeyMaterials.load(ConfigResolution.forAdministration(config, context), context.clock());
            context.out().print(PemFiles.toPem(keys.trustAnchors()));
            context.out().flush();
            return 0;
        }
    }
}
