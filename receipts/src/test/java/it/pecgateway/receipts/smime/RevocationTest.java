package it.pecgateway.receipts.smime;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.certs.ProvidersIndex;
import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.read.Classification;
import it.pecgateway.receipts.read.PecReader;
import it.pecgateway.receipts.testing.TestKit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A revocation counts only if it happened before the certified time; after it, it is a note (issue 3). */
class RevocationTest {
    private static final byte[] ACCEPTANCE = TestKit.samples().get("02-accettazione.eml");

    private static Classification classifyWithCrl(java.security.cert.X509CRL crl) {
        TrustPolicy policy = new TrustPolicy(ProvidersIndex.empty(), List.of(TestKit.pki().root()), List.of(crl), false);
        return new PecReader(policy, TestKit.CLOCK).classify(ByteSource.of(ACCEPTANCE));
    }

    @Test
    void aRevocationAfterTheCertifiedTimeIsANoteAndTheReceiptStaysValid() {
        Classification c = classifyWithCrl(TestKit.pki().crlRevokingSigner(TestKit.NOW.plus(Duration.ofDays(3))));

        assertThat(c).isInstanceOf(Classification.Receipt.class);
        assertThat(((Classification.Receipt) c).signature().notes())
                .anySatisfy(n -> assertThat(n).contains("revoked on 2026-01-18"));
    }

    @Test
    void aRevocationBeforeTheCertifiedTimeMakesItInvalid() {
        Classification c = classifyWithCrl(TestKit.pki().crlRevokingSigner(TestKit.NOW.minus(Duration.ofHours(1))));

        assertThat(c).isInstanceOf(Classification.FailedPec.class);
        assertThat(c.summary()).contains("revoked on 2026-01-15T09:00:00Z, before the certified time");
    }

    @Test
    void aCrlNotSignedByTheSignersIssuerIsIgnored() {
        var forged = it.pecgateway.receipts.testing.TestPki.create(TestKit.SERVICE_ADDRESS, "Other")
                .crlRevokingSigner(TestKit.NOW.minus(Duration.ofDays(1)));

        Classification c = classifyWithCrl(forged);

        assertThat(c).isInstanceOf(Classification.Receipt.class);
        assertThat(((Classification.Receipt) c).signature().notes()).noneMatch(n -> n.contains("revoked"));
    }
}
