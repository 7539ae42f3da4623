package it.pecgateway.gateway.cli;

import it.pecgateway.certs.SigningIdentity;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code samples DIR}: writes one signed example of every PEC message kind ({@code .eml}) for integrators who test
 * their PEC clients. The signing identity is given by whoever builds the command (the gateway wires the development
 * PKI in); this class makes no keys.
 */
@Command(name = "samples", mixinStandardHelpOptions = true,
        description = "Write one signed example .eml of every PEC message kind into DIR.")
public final class SamplesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "directory to write into (created if missing)")
    Path directory;

    @Spec
    CommandSpec spec;

    private final Supplier<SigningIdentity> identity;
    private final PecSettings settings;
    private final Clock clock;

    /**
     * @param identity the provider signing identity, asked for only when the command runs
     * @param settings provider name and service address (the certificate's rfc822Name)
     */
    public SamplesCommand(Supplier<SigningIdentity> identity, PecSettings settings, Clock clock) {
        this.identity = identity;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            PecMessages messages = new PecMessages(settings, identity.get(), clock, new RandomIdGenerator("samples"));
            List<Path> written = new PecSamples(messages).writeTo(directory);
            written.forEach(out::println);
            out.flush();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("cannot write samples: " + e.getMessage());
            return 2;
        }
    }
}
