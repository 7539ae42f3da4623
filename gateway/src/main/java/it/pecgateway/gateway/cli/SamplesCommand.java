package it.pecgateway.gateway.cli;

import it.pecgateway.certs.KeyMaterials;
import it.pecgateway.certs.SigningIdentity;
import it.pecgateway.config.GatewayConfig;
import it.pecgateway.receipts.PecMessages;
import it.pecgateway.receipts.PecSamples;
import it.pecgateway.receipts.PecSettings;
import it.pecgateway.receipts.RandomIdGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code samples DIR}: writes one signed example of every PEC message kind ({@code .eml}) for integrators who test
 * their PEC clients. From the command line the samples are signed with the configured key material (the development
 * PKI unless a configuration names production keys), so that {@code pki export-ca} gives the CA that verifies them.
 */
@Command(name = "samples", mixinStandardHelpOptions = true,
        description = "Write one signed example .eml of every PEC message kind into DIR.")
public final class SamplesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "directory to write into (created if missing)")
    Path directory;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config = new ConfigOption();

    private final Supplier<Signer> signer;
    private final Clock clock;
    private final Path workingDir;

    /** Who signs: asked for only when the command runs, after the options are parsed. */
    private record Signer(SigningIdentity identity, PecSettings settings) { }

    /** The command line's constructor: signs with the key material of the resolved configuration. */
    public SamplesCommand(CliContext context) {
        this.signer = () -> {
            GatewayConfig resolved = ConfigResolution.forAdministration(config, context);
            return new Signer(KeyMaterials.load(resolved, context.clock()).signing(), PecSettings.of(resolved.provider()));
        };
        this.clock = context.clock();
        this.workingDir = context.workingDir();
    }

    /**
     * @param identity the provider signing identity, asked for only when the command runs
     * @param settings provider name and service address (the certificate's rfc822Name)
     */
    public SamplesCommand(Supplier<SigningIdentity> identity, PecSettings settings, Clock clock) {
        this.signer = () -> new Signer(identity.get(), settings);
        this.clock = clock;
        this.workingDir = Path.of("");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            Signer who = signer.get();
            PecMessages messages = new PecMessages(who.settings(), who.identity(), clock, new RandomIdGenerator("samples"));
            List<Path> written = new PecSamples(messages).writeTo(workingDir.resolve(directory));
            written.forEach(out::println);
            out.flush();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("cannot write samples: " + e.getMessage());
            return 2;
        }
    }
}
