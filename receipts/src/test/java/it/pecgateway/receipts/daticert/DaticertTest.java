package it.pecgateway.receipts.daticert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pecgateway.receipts.ReceiptType;
import it.pecgateway.receipts.testing.Fixtures;
import it.pecgateway.receipts.testing.Inspection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DaticertTest {
    @Test
    void writingTheFieldsOfARealDaticertGivesBackTheSameBytes() throws Exception {
        byte[] real = new Inspection(Fixtures.real(Fixtures.CONSEGNA)).daticertXml().orElseThrow();

        byte[] ours = DaticertWriter.write(DaticertParser.parse(real));

        assertThat(new String(ours, "UTF-8")).isEqualTo(new String(real, "UTF-8"));
    }

    @Test
    void postecomDaticertWithExternalRecipientAndNoMsgidIsRead() throws Exception {
        Daticert d = DaticertParser.parse(Fixtures.real("postecom-2012-daticert.xml"));

        assertThat(d.tipo()).isEqualTo(DaticertTipo.POSTA_CERTIFICATA);
        assertThat(d.destinatari()).containsExactly(new Destinatario("java@gcc.gnu.org", false));
        assertThat(d.msgid()).isEmpty();
        assertThat(d.ricevuta()).contains(ReceiptType.COMPLETA);
        assertThat(d.gestoreEmittente()).isEqualTo("POSTECOM S.P.A. - GRUPPO POSTE ITALIANE");
        assertThat(d.identificativo()).isEqualTo("E82D9D8F.000073B6.E8F90950.8520A581.posta-certificata@postecert.it");
        assertThat(List.of(d.giorno(), d.ora(), d.zona())).containsExactly("21/09/2012", "15:16:38", "+0200");
    }

    @Test
    void markupInValuesIsEscapedAndReadBack() throws Exception {
        Daticert d = sample(Optional.of("a <b> & \"c\""), List.of(new Destinatario("x@y.it", true)));

        Daticert back = DaticertParser.parse(DaticertWriter.write(d));

        assertThat(back).isEqualTo(d);
    }

    @Test
    void aDaticertWithoutRecipientsIsRefusedBeforeSigning() {
        assertThatThrownBy(() -> DaticertWriter.write(sample(Optional.empty(), List.of())))
                .isInstanceOf(DaticertException.class).hasMessageContaining("not valid against the DTD");
    }

    @Test
    void anEmptyRisposteAsAruba2026WritesItIsAccepted() throws Exception {
        String xml = new String(DaticertWriter.write(sample(Optional.empty(), List.of(new Destinatario("x@y.it", true)))),
                "UTF-8").replace("<risposte>a@b.it</risposte>", "<risposte></risposte>");

        assertThat(DaticertParser.parse(xml.getBytes("UTF-8")).risposte()).isEmpty();
    }

    @Test
    void aMissingRequiredElementIsNamed() {
        String xml = "<?xml version=\"1.0\"?><postacert tipo=\"accettazione\"><intestazione><mittente>a</mittente>"
                + "<destinatari>b</destinatari><risposte/></intestazione></postacert>";

        assertThatThrownBy(() -> DaticertParser.parse(xml.getBytes())).isInstanceOf(DaticertException.class)
                .hasMessageContaining("not valid against the DTD");
    }

    private static Daticert sample(Optional<String> oggetto, List<Destinatario> to) {
        return new Daticert(DaticertTipo.ACCETTAZIONE, Errore.NESSUNO, "a@b.it", to, "a@b.it", oggetto, "G",
                "01/02/2026", "03:04:05", "+0100", "id@x.it", Optional.of("<m@c>"), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty());
    }
}
