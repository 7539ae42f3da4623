package it.pecgateway.gateway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.read.PecReader;
import it.pecgateway.receipts.read.VerificationReport;
import it.pecgateway.receipts.smime.TrustPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verify FILE.eml...}: for a sender keeping receipts as legal proof. Prints what each message is and whether
 * it holds: kind, identificativo, sender, recipients, certified time, signer, verdict. The verdict itself comes from
 * {@link VerificationReport}; this class only reads files and prints.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify PEC messages (envelopes, receipts, notices): signature, signer, certification data.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every message is a valid PEC message", "1:some message is not valid PEC",
            "2:some file is unreadable"})
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE.eml", description = "messages to verify")
    List<Path> files = new ArrayList<>();

    @Option(names = "--trust", paramLabel = "PEM", description = "trusted certificates (a CA such as AgID CA1, or a "
            + "provider certificate); repeatable")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--json", description = "print a JSON array, one object per file")
    boolean json;

    @Spec
    CommandSpec spec;

    private final Clock clock;

    public VerifyCommand() {
        this(Clock.systemUTC());
    }

    public VerifyCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<X509Certificate> anchors = new ArrayList<>();
        for (Path pem : trust) {
            try {
                anchors.addAll(certificates(pem));
            } catch (IOException | CertificateException e) {
                spec.commandLine().getErr().println("cannot read trusted certificates from " + pem + ": "
                        + e.getMessage());
                return 2;
            }
        }
        PecReader reader = new PecReader(TrustPolicy.anchors(anchors), clock);
        int exit = 0;
        List<Map<String, Object>> results = new ArrayList<>();
        for (Path file : files) {
            VerificationReport report = Files.isReadable(file) && Files.isRegularFile(file)
                    ? VerificationReport.of(reader.classify(ByteSource.of(file)))
                    : VerificationReport.unreadable("cannot read " + file);
            exit = Math.max(exit, report.verdict().exitCode());
            if (json) {
                results.add(asMap(file, report));
            } else {
                print(out, file, report);
            }
        }
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results));
        }
        out.flush();
        return exit;
    }

    private static List<X509Certificate> certificates(Path pem) throws IOException, CertificateException {
        // the JDK's messages would be the bare path ("…: /x/ca.pem") or "java.io.IOException: Is a directory"
        if (Files.isDirectory(pem)) {
            throw new CertificateException("not a file");
        }
        if (!Files.exists(pem)) {
            throw new CertificateException("no such file");
        }
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> out = new ArrayList<>();
            CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .forEach(c -> out.add((X509Certificate) c));
            if (out.isEmpty()) {
                throw new CertificateException("no certificate found");
            }
            return out;
        }
    }

    private static void print(PrintWriter out, Path file, VerificationReport r) {
        out.println(file);
        out.println("  kind:            " + r.kind());
        r.identificativo().ifPresent(v -> out.println("  identificativo:  " + v));
        r.sender().ifPresent(v -> out.println("  sender:          " + v));
        r.recipients().forEach(v -> out.println("  recipient:       " + v));
        r.certifiedTime().ifPresent(v -> out.println("  certified time:  " + v));
        r.signer().ifPresent(v -> out.println("  signer:          " + v));
        r.signerSha1().ifPresent(v -> out.println("  signer SHA-1:    " + v));
        r.provider().ifPresent(v -> out.println("  provider:        " + v));
        r.digestAlgorithm().ifPresent(v -> out.println("  digest:          " + v));
        r.notes().forEach(v -> out.println("  note:            " + v));
        out.println("  verdict:         " + r.verdict() + (r.reason().isEmpty() ? "" : " - " + r.reason()));
    }

    private static Map<String, Object> asMap(Path file, VerificationReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("verdict", r.verdict().name());
        m.put("kind", r.kind());
        m.put("identificativo", r.identificativo().orElse(null));
        m.put("sender", r.sender().orElse(null));
        m.put("recipients", r.recipients());
        m.put("certifiedTime", r.certifiedTime().orElse(null));
        m.put("signer", r.signer().orElse(null));
        m.put("signerSha1", r.signerSha1().orElse(null));
        m.put("provider", r.provider().orElse(null));
        m.put("digestAlgorithm", r.digestAlgorithm().orElse(null));
        m.put("reason", r.reason().isEmpty() ? null : r.reason());
        m.put("notes", r.notes());
        return m;
    }
}
