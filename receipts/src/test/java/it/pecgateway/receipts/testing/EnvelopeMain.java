package it.pecgateway.receipts.testing;

import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.CertifiedTime;
import it.pecgateway.receipts.PecMessages;
import it.pecgateway.receipts.ReceiptType;
import it.pecgateway.receipts.Recipient;
import it.pecgateway.receipts.Transaction;
import it.pecgateway.receipts.read.Classification;
import it.pecgateway.receipts.read.PecReader;
import it.pecgateway.receipts.smime.TrustPolicy;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Wraps ORIGINAL into an envelope written to ENVELOPE and reads it back; run in a small heap by StreamingTest. */
public final class EnvelopeMain {
    private EnvelopeMain() {
    }

    public static void main(String[] args) throws Exception {
        PecMessages messages = TestKit.messages();
        CertifiedTime time = messages.now();
        Transaction t = new Transaction(messages.newIdentificativo(time), time, "a@pec.example.it",
                List.of(Recipient.to("b@pec.example.it")), Optional.of("grande"), Optional.of("<big@client>"),
                Optional.empty(), ReceiptType.COMPLETA);
        try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
            messages.transportEnvelope(t, ByteSource.of(Path.of(args[0])), out);
        }
        Classification c = new PecReader(TrustPolicy.anchors(List.of(TestKit.pki().root())), TestKit.CLOCK)
                .classify(ByteSource.of(Path.of(args[1])));
        System.out.println(c.summary());
        System.exit(c instanceof Classification.TransportEnvelope ? 0 : 1);
    }
}
