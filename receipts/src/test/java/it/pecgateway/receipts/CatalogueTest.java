package it.pecgateway.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.receipts.daticert.Daticert;
import it.pecgateway.receipts.daticert.Errore;
import it.pecgateway.receipts.testing.Inspection;
import it.pecgateway.receipts.testing.TestKit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind against the catalogue of digest 4.1, the headers of section 5 and the presence matrix of 6.3. */
class CatalogueTest {
    private static final Map<String, byte[]> SAMPLES = TestKit.samples();
    private static final String S = PecSamples.SENDER;
    private static final String BOX = PecSamples.SENDER_PROVIDER_MAILBOX;

    /**
     * @param errore     expected daticert errore, null for the anomaly envelope (no daticert)
     * @param consegna   expected daticert consegna, null when absent
     * @param esteso     expected start of errore-esteso, null when absent
     */
    record Row(String file, String header, String value, String subjectPrefix, boolean security, String to,
            Errore errore, boolean postacert, String consegna, ReceiptType ricevuta, int ricezione, String esteso) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Row> catalogue() {
        return Stream.of(
                new Row("01-busta-di-trasporto.eml", "X-Trasporto", "posta-certificata", "POSTA CERTIFICATA: ", false,
                        PecSamples.RECIPIENT + ", " + PecSamples.EXTERNAL, Errore.NESSUNO, true, null,
                        ReceiptType.COMPLETA, 0, null),
                new Row("02-accettazione.eml", "X-Ricevuta", "accettazione", "ACCETTAZIONE: ", false, S, Errore.NESSUNO,
                        false, null, null, 0, null),
                new Row("03-non-accettazione.eml", "X-Ricevuta", "non-accettazione", "AVVISO DI NON ACCETTAZIONE: ",
                        false, S, Errore.ALTRO, false, null, null, 0, "destinatari in Bcc"),
                new Row("04-non-accettazione-virus.eml", "X-Ricevuta", "non-accettazione",
                        "AVVISO DI NON ACCETTAZIONE PER VIRUS: ", true, S, Errore.VIRUS, false, null, null, 0, "virus"),
                new Row("05-presa-in-carico.eml", "X-Ricevuta", "presa-in-carico", "PRESA IN CARICO: ", false, BOX,
                        Errore.NESSUNO, false, null, null, 2, null),
                new Row("06-consegna-completa.eml", "X-Ricevuta", "avvenuta-consegna", "CONSEGNA: ", false, S,
                        Errore.NESSUNO, true, PecSamples.RECIPIENT, ReceiptType.COMPLETA, 0, null),
                new Row("07-consegna-breve.eml", "X-Ricevuta", "avvenuta-consegna", "CONSEGNA: ", false, S,
                        Errore.NESSUNO, true, PecSamples.RECIPIENT, ReceiptType.BREVE, 0, null),
                new Row("08-consegna-sintetica.eml", "X-Ricevuta", "avvenuta-consegna", "CONSEGNA: ", false, S,
                        Errore.NESSUNO, false, PecSamples.CC_RECIPIENT, ReceiptType.COMPLETA, 0, null),
                new Row("09-mancata-consegna.eml", "X-Ricevuta", "errore-consegna", "AVVISO DI MANCATA CONSEGNA: ",
                        false, S, Errore.NO_DEST, false, PecSamples.RECIPIENT, null, 0,
                        "5.1.1 - Example PEC S.p.A. - indirizzo non valido"),
                new Row("10-preavviso-mancata-consegna-12h.eml", "X-Ricevuta", "preavviso-errore-consegna",
                        "AVVISO DI MANCATA CONSEGNA PER SUP. TEMPO MASSIMO: ", false, S, Errore.ALTRO, false,
                        PecSamples.RECIPIENT, null, 0, "4.4.7"),
                new Row("11-mancata-consegna-24h.eml", "X-Ricevuta", "preavviso-errore-consegna",
                        "AVVISO DI MANCATA CONSEGNA PER SUP. TEMPO MASSIMO: ", false, S, Errore.ALTRO, false,
                        PecSamples.RECIPIENT, null, 0, "5.4.1 - Example PEC S.p.A. - "),
                new Row("12-rilevazione-virus.eml", "X-Ricevuta", "rilevazione-virus", "PROBLEMA DI SICUREZZA: ", false,
                        BOX, Errore.VIRUS, false, PecSamples.RECIPIENT, null, 0, "virus"),
                new Row("13-mancata-consegna-virus.eml", "X-Ricevuta", "errore-consegna",
                        "AVVISO DI MANCATA CONSEGNA PER VIRUS: ", true, S, Errore.VIRUS, false, PecSamples.RECIPIENT, null,
                        0, "virus"),
                new Row("14-anomalia.eml", "X-Trasporto", "errore", "ANOMALIA MESSAGGIO: ", false,
                        PecSamples.RECIPIENT, null, true, null, null, 0, null));
    }

    @ParameterizedTest
    @MethodSource("catalogue")
    void headersSubjectAndPartsFollowTheDigest(Row row) throws Exception {
        Inspection m = new Inspection(SAMPLES.get(row.file()));

        assertThat(m.header(row.header())).contains(row.value());
        assertThat(m.header("Subject").orElseThrow()).startsWith(row.subjectPrefix());
        assertThat(m.header("X-VerificaSicurezza").isPresent()).isEqualTo(row.security());
        assertThat(m.header("To")).contains(row.to());
        assertThat(m.header("MIME-Version")).contains("1.0");
        assertThat(m.root().type().mimeType()).isEqualTo("multipart/signed");
        assertThat(m.root().type().parameter("protocol")).contains("application/pkcs7-signature");
        assertThat(m.root().type().parameter("micalg")).contains("sha-256");
        assertThat(m.postacert().isPresent()).as("postacert.eml").isEqualTo(row.postacert());
        String from = m.header("From").orElseThrow();
        if (row.header().equals("X-Trasporto")) {
            assertThat(from).matches("\"Per conto di: [^\"]+\"\\s+<" + TestKit.SERVICE_ADDRESS + ">");
            assertThat(m.header("Reply-To")).isPresent();
        } else {
            assertThat(from).isEqualTo(TestKit.SERVICE_ADDRESS);
            assertThat(m.header("X-Riferimento-Message-ID")).contains("<20260115105958.4242@client.example.it>");
            assertThat(m.header("X-TipoRicevuta")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("catalogue")
    void daticertFollowsThePresenceMatrix(Row row) throws Exception {
        Inspection m = new Inspection(SAMPLES.get(row.file()));
        Optional<Daticert> d = m.daticert();
        if (row.errore() == null) {
            assertThat(d).as("the anomaly envelope carries no daticert").isEmpty();
            return;
        }
        Daticert x = d.orElseThrow();
        assertThat(x.tipo().value()).isEqualTo(row.value());
        assertThat(x.errore()).isEqualTo(row.errore());
        assertThat(x.consegna()).isEqualTo(Optional.ofNullable(row.consegna()));
        assertThat(x.ricevuta()).isEqualTo(Optional.ofNullable(row.ricevuta()));
        assertThat(x.ricezione()).hasSize(row.ricezione());
        if (row.esteso() == null) {
            assertThat(x.erroreEsteso()).isEmpty();
        } else {
            assertThat(x.erroreEsteso().orElseThrow()).contains(row.esteso());
        }
        assertThat(x.mittente()).isEqualTo(S);
        assertThat(x.destinatari()).extracting(dd -> dd.address() + "/" + dd.tipo()).containsExactly(
                PecSamples.RECIPIENT + "/certificato", PecSamples.EXTERNAL + "/esterno",
                PecSamples.CC_RECIPIENT + "/certificato");
        assertThat(x.risposte()).isEqualTo(S);
        assertThat(x.oggetto()).contains("Offerta n. 42");
        assertThat(x.gestoreEmittente()).isEqualTo(TestKit.PROVIDER);
        assertThat(x.msgid()).contains("<20260115105958.4242@client.example.it>");
        assertThat(x.identificativo()).matches("opec\\.20260115110000\\.n1\\.\\d+@pec\\.example\\.it");
    }

    @ParameterizedTest
    @MethodSource("catalogue")
    void oneTimeValueInDateHeaderDaticertAndText(Row row) throws Exception {
        Inspection m = new Inspection(SAMPLES.get(row.file()));

        assertThat(m.header("Date")).contains("Thu, 15 Jan 2026 11:00:00 +0100");
        assertThat(m.text("text/plain")).contains("15/01/2026 alle ore 11:00:00 (+0100)");
        m.daticert().ifPresent(d -> assertThat(List.of(d.giorno(), d.ora(), d.zona()))
                .containsExactly("15/01/2026", "11:00:00", "+0100"));
    }

    @ParameterizedTest
    @MethodSource("catalogue")
    void textAndHtmlAreIsoLatinQuotedPrintableWithoutReferences(Row row) throws Exception {
        Inspection m = new Inspection(SAMPLES.get(row.file()));

        assertThat(m.tree()).contains("text/plain charset=iso-8859-1 [quoted-printable]")
                .contains("text/html charset=iso-8859-1 [quoted-printable]");
        String html = m.text("text/html").toLowerCase(java.util.Locale.ROOT);
        assertThat(html).doesNotContain("<img", "<script", "<link", "<style", "src=", "href=", "url(", "<iframe",
                "<object");
        for (String line : new String(SAMPLES.get(row.file()), java.nio.charset.StandardCharsets.ISO_8859_1)
                .split("\r\n")) {
            assertThat(line.length()).as("line length").isLessThanOrEqualTo(998);
        }
        for (byte b : SAMPLES.get(row.file())) {
            assertThat(b).as("7-bit clean").isBetween((byte) 0, (byte) 127);
        }
    }
}
