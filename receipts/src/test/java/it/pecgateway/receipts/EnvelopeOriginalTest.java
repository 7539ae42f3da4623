package it.pecgateway.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.receipts.testing.Inspection;
import it.pecgateway.receipts.testing.TestKit;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** postacert.eml of the transport envelope: only the Message-ID changes, X-Riferimento-Message-ID is added. */
class EnvelopeOriginalTest {
    private final PecMessages messages = TestKit.messages();

    private String postacert(String original, Optional<String> msgid) throws Exception {
        CertifiedTime time = messages.now();
        Transaction t = new Transaction("opec.id.1@pec.example.it", time, "a@pec.example.it",
                List.of(Recipient.to("b@pec.example.it")), Optional.of("s"), msgid, Optional.empty(),
                ReceiptType.COMPLETA);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        messages.transportEnvelope(t, ByteSource.of(original.getBytes(StandardCharsets.ISO_8859_1)), out);
        return new String(new Inspection(out.toByteArray()).postacert().orElseThrow(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void everyOtherByteOfTheOriginalIsKept() throws Exception {
        String original = "Received: from client by ap\r\n\tfor <b@pec.example.it>; Thu, 15 Jan 2026\r\n"
                + "From: a@pec.example.it\r\nTo: b@pec.example.it\r\nMessage-ID:\r\n <folded.1@client>\r\n"
                + "Subject: =?UTF-8?Q?caf=C3=A8?=\r\nX-Strange:   spaced   \r\n\r\nbody line\r\n\r\n  indented\r\n";

        String p = postacert(original, Optional.of("<folded.1@client>"));

        assertThat(p).isEqualTo(original
                .replace("Message-ID:\r\n <folded.1@client>\r\n", "Message-ID: <opec.id.1@pec.example.it>\r\n")
                .replace("X-Strange:   spaced   \r\n\r\n",
                        "X-Strange:   spaced   \r\nX-Riferimento-Message-ID: <folded.1@client>\r\n\r\n"));
    }

    @Test
    void anOriginalWithoutMessageIdGetsTheIdentificativoAndNoReference() throws Exception {
        String p = postacert("From: a@pec.example.it\r\nTo: b@pec.example.it\r\n\r\nx\r\n", Optional.empty());

        assertThat(p).isEqualTo("From: a@pec.example.it\r\nTo: b@pec.example.it\r\n"
                + "Message-ID: <opec.id.1@pec.example.it>\r\n\r\nx\r\n");
    }

    @Test
    void bareLineFeedsBecomeCrlfSoTheSignatureCoversCanonicalText() throws Exception {
        String p = postacert("From: a@pec.example.it\nTo: b@pec.example.it\nMessage-ID: <m@c>\n\nline1\nline2\n",
                Optional.of("<m@c>"));

        assertThat(p).isEqualTo("From: a@pec.example.it\r\nTo: b@pec.example.it\r\nMessage-ID: <opec.id.1@pec.example.it>\r\n"
                + "X-Riferimento-Message-ID: <m@c>\r\n\r\nline1\r\nline2\r\n");
    }

    @Test
    void theEnvelopeInheritsReceivedToCcAndReplyToFromTheOriginal() throws Exception {
        byte[] envelope = TestKit.samples().get("01-busta-di-trasporto.eml");
        Inspection m = new Inspection(envelope);

        assertThat(m.header("To")).contains(PecSamples.RECIPIENT + ", " + PecSamples.EXTERNAL);
        assertThat(m.header("Cc")).contains(PecSamples.CC_RECIPIENT);
        assertThat(m.header("Reply-To")).contains(PecSamples.SENDER);
        assertThat(m.header("Message-ID").orElseThrow()).startsWith("<opec.20260115110000.");
        assertThat(m.header("X-TipoRicevuta")).contains("completa");
        assertThat(m.header("Sender")).as("digest 13 #14: omitted").isEmpty();
    }
}
