package it.pecgateway.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.receipts.read.Classification;
import it.pecgateway.receipts.read.PecReader;
import it.pecgateway.receipts.smime.TrustPolicy;
import it.pecgateway.receipts.testing.TestKit;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The original is read once, from a file, and a large one goes through without being held in memory. */
class StreamingTest {
    private static final class CountingSource implements ByteSource {
        final ByteSource inner;
        final AtomicInteger opens = new AtomicInteger();

        CountingSource(ByteSource inner) {
            this.inner = inner;
        }

        @Override
        public long size() {
            return inner.size();
        }

        @Override
        public InputStream open() throws IOException {
            opens.incrementAndGet();
            return inner.open();
        }
    }

    @Test
    void theEnvelopeReadsTheOriginalExactlyOnce() throws Exception {
        CountingSource original = new CountingSource(ByteSource.of(PecSamples.original()));
        PecMessages messages = TestKit.messages();

        messages.transportEnvelope(new PecSamples(messages).transaction(ReceiptType.COMPLETA), original,
                OutputStream.nullOutputStream());

        assertThat(original.opens.get()).isEqualTo(1);
    }

    private static Path bigOriginal(Path dir, int megabytes) throws IOException {
        Path original = dir.resolve("original.eml");
        try (OutputStream out = Files.newOutputStream(original)) {
            out.write(("From: " + PecSamples.SENDER + "\r\nTo: " + PecSamples.RECIPIENT
                    + "\r\nSubject: grande\r\nMessage-ID: <big@client>\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] line = ("x".repeat(76) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < megabytes * 1024 * 1024 / line.length; i++) {
                out.write(line);
            }
        }
        return original;
    }

    @Test
    void aFortyMegabyteOriginalIsWrappedAndVerifiedInA32MegabyteHeap(@TempDir Path dir) throws Exception {
        Path original = bigOriginal(dir, 40);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
                "-cp", System.getProperty("java.class.path"), "it.pecgateway.receipts.testing.EnvelopeMain",
                original.toString(), dir.resolve("envelope.eml").toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(output).isZero();
        assertThat(output).contains("busta di trasporto");
        assertThat(Files.size(dir.resolve("envelope.eml"))).isGreaterThan(40L * 1024 * 1024);
    }

    @Test
    void aThirtyMegabyteOriginalStreamsFromFileToFileAndVerifies(@TempDir Path dir) throws Exception {
        Path original = bigOriginal(dir, 30);
        PecMessages messages = TestKit.messages();
        CertifiedTime time = messages.now();
        Transaction t = new Transaction(messages.newIdentificativo(time), time, PecSamples.SENDER,
                List.of(Recipient.to(PecSamples.RECIPIENT)), Optional.of("grande"), Optional.of("<big@client>"),
                Optional.empty(), ReceiptType.COMPLETA);
        Path envelope = dir.resolve("envelope.eml");
        try (OutputStream out = Files.newOutputStream(envelope)) {
            messages.transportEnvelope(t, ByteSource.of(original), out);
        }

        Classification c = new PecReader(TrustPolicy.anchors(List.of(TestKit.pki().root())), TestKit.CLOCK)
                .classify(ByteSource.of(envelope));

        assertThat(c).as(c.summary()).isInstanceOf(Classification.TransportEnvelope.class);
        assertThat(((Classification.TransportEnvelope) c).postacert().size()).isGreaterThan(30_000_000L);
        assertThat(Files.size(envelope)).isGreaterThan(Files.size(original));
    }
}
